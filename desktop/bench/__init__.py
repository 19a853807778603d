"""`gongwen bench`: performance measurements, each reported beside a baseline measured in the same run.

Timings here are measurements for people to read, never assertions: the machines are noisy, so every
figure comes with a ratio against something measured the same way, in the same process, minutes apart.
"""
