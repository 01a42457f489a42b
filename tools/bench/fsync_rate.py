# endpoint-bench helper: the disk's raw durable-write rate, what bounds a store that commits each upload
# alone. Writes 4 KiB and calls fdatasync, one thread, for SECONDS; prints calls per second. The writes go
# round a file written and synced beforehand, as SQLite's and PostgreSQL's reused WAL files are, so each
# sync flushes data only, not a new file size.
# Usage: python3 fsync_rate.py FILE SECONDS (FILE is created, then removed).
import os
import sys
import time

BLOCK = 4096
BLOCKS = 256

path, seconds = sys.argv[1], float(sys.argv[2])
block = os.urandom(BLOCK)
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
try:
    os.write(fd, block * BLOCKS)
    os.fsync(fd)
    count = 0
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        os.pwrite(fd, block, (count % BLOCKS) * BLOCK)
        os.fdatasync(fd)
        count += 1
    print(f"{count / (time.monotonic() - start):.0f}")
finally:
    os.close(fd)
    os.unlink(path)
