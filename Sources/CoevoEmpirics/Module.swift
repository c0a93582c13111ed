// CoevoEmpirics
