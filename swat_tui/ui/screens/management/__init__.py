"""The management model's panels (SUP030-SUP032): adherence, recording a practice, ideas."""
