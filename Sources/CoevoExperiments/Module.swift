// CoevoExperiments
