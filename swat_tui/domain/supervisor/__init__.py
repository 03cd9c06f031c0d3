"""The supervisor's functions: profile upkeep (USR001) and the CGO follow-up list."""
