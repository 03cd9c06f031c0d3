"""Trainer mode's panels: the scorecard, the demonstration, the trainer's area."""
