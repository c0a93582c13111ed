// CoevoModel
