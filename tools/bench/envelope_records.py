# endpoint-bench helper: turns make_envelope's JSON lines (stdin) into one file of records for wrk's
# Lua script (stdout): "LENGTH TOKEN" on a line of its own, then the envelope's LENGTH bytes. TOKEN is a
# fresh status token as the app makes one: 32 random bytes, base64url without padding.
import base64
import json
import os
import sys

out = sys.stdout.buffer
for line in sys.stdin:
    with open(json.loads(line)["file"], "rb") as envelope:
        data = envelope.read()
    token = base64.urlsafe_b64encode(os.urandom(32)).rstrip(b"=")
    out.write(b"%d %s\n" % (len(data), token))
    out.write(data)
