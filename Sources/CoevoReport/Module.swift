// CoevoReport
