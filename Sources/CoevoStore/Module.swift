// CoevoStore
