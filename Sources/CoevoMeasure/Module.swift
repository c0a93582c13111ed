// CoevoMeasure
