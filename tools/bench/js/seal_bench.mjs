// The reference half of seal-bench: the libsodium work of sealing and opening an Envelope v1 (format in
// crypto/envelope.md) done in JS through npm's libsodium-wrappers, printed in seal_bench.cpp's line format.
// Its -sumo build, because the standard one has neither crypto_hash_sha256 nor crypto_pwhash.
import sodium from 'libsodium-wrappers-sumo';

await sodium.ready;

const CHUNK = 64 * 1024;
const ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
const QUARTER_STEPS = [1.0, 1.189207115002721, 1.4142135623730951, 1.681792830507429];  // as envelope_header.cpp
const APPLICATION = '{"applicant":{"address":"東京都まどぐち区芝公園１丁目２－３","furigana":"やまだ はなこ",' +
  '"name":"山田 花子","phone":"09012345678"},"moving_date":"2026-03-20","reason":"転居"}';
const HEADER = '{"created":"2026-11-23T09:30:00Z","key_id":"0000000000000000","submission_id":"01JDQ80000000000000000VEC1","v":1}';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bucket(bytes) {
  for (let k = 0; ; ++k) {
    const size = Math.ceil(QUARTER_STEPS[k % 4] * 2 ** (4 + Math.floor(k / 4))) * 256;
    if (size >= bytes) return size;
  }
}

// Keys sorted at every depth, no whitespace: the envelope's canonical JSON.
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value !== null && typeof value === 'object')
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  return JSON.stringify(value);
}

// Where the JSON object at the start of `bytes` ends (the attachments follow it in the plaintext).
function jsonEnd(bytes) {
  let depth = 0, inString = false, escaped = false;
  for (let i = 0; i < bytes.length; ++i) {
    const b = bytes[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (b === 0x5c) escaped = true;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) ++depth;
    else if ((b === 0x7d || b === 0x5d) && --depth === 0) return i + 1;
  }
  throw new Error('content JSON does not end');
}

function seal(attachment, replyKey, wardPublicKey) {
  const content = encoder.encode(canonical({
    application: JSON.parse(APPLICATION),
    attachments: [{ name: 'scan.pdf', type: 'application/pdf', size: attachment.length,
      sha256: sodium.to_hex(sodium.crypto_hash_sha256(attachment)) }],
    procedure: 'tenkyo-todoke',
    reply_key: sodium.to_base64(replyKey, sodium.base64_variants.ORIGINAL),
  }));
  const real = content.length + attachment.length;
  const padded = bucket(real + 1);
  const plain = new Uint8Array(padded);
  plain.set(content);
  plain.set(attachment, content.length);
  plain[real] = 0x80;  // sodium_pad's bytes (0x80 then zeros); the wrappers' pad copies byte by byte in JS

  const header = encoder.encode(HEADER);
  const chunks = Math.ceil(padded / CHUNK);
  const prefix = 6 + header.length + 80 + 24;
  const out = new Uint8Array(prefix + chunks * (4 + ABYTES) + padded);
  const view = new DataView(out.buffer);
  out.set(encoder.encode('MDG1'));
  view.setUint16(4, header.length);
  out.set(header, 6);
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  out.set(sodium.crypto_box_seal(key, wardPublicKey), 6 + header.length);
  const { state, header: streamHeader } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  out.set(streamHeader, prefix - 24);
  let pos = prefix;
  for (let i = 0; i < chunks; ++i) {
    const last = i + 1 === chunks;
    const c = sodium.crypto_secretstream_xchacha20poly1305_push(state, plain.subarray(i * CHUNK, (i + 1) * CHUNK),
      i === 0 ? out.subarray(0, prefix) : null,
      last ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    view.setUint32(pos, c.length);
    out.set(c, pos + 4);
    pos += 4 + c.length;
  }
  return out;
}

function open(envelope, ward) {
  const view = new DataView(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  const headerEnd = 6 + view.getUint16(4);
  const prefix = headerEnd + 80 + 24;
  const key = sodium.crypto_box_seal_open(envelope.subarray(headerEnd, headerEnd + 80), ward.publicKey, ward.privateKey);
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(envelope.subarray(prefix - 24, prefix), key);
  const plain = new Uint8Array(envelope.length);
  let pos = prefix, length = 0;
  for (let i = 0; ; ++i) {
    const len = view.getUint32(pos);
    const r = sodium.crypto_secretstream_xchacha20poly1305_pull(state, envelope.subarray(pos + 4, pos + 4 + len),
      i === 0 ? envelope.subarray(0, prefix) : null);
    if (!r) throw new Error(`chunk ${i} fails authentication`);
    plain.set(r.message, length);
    length += r.message.length;
    pos += 4 + len;
    if (r.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL) break;
  }
  let real = length - 1;  // sodium_unpad's result, scanning only the padding
  while (real > 0 && plain[real] === 0) --real;
  if (plain[real] !== 0x80) throw new Error('padding is invalid');
  const unpadded = plain.subarray(0, real);
  const end = jsonEnd(unpadded);
  const text = decoder.decode(unpadded.subarray(0, end));
  const content = JSON.parse(text);
  if (canonical(content) !== text) throw new Error('content is not canonical');
  let offset = end;
  const attachments = content.attachments.map((a) => {
    const bytes = unpadded.slice(offset, offset + a.size);
    offset += a.size;
    if (sodium.to_hex(sodium.crypto_hash_sha256(bytes)) !== a.sha256) throw new Error('sha256 mismatch');
    return bytes;
  });
  return { content, attachments };
}

// As seal_bench.cpp: one untimed round, then rounds until the budget has passed and min rounds were made.
function medianTime(budgetS, minRounds, work) {
  work();
  const times = [];
  const start = performance.now();
  do {
    const t0 = performance.now();
    work();
    times.push((performance.now() - t0) / 1e3);
  } while (times.length < minRounds || (performance.now() - start) / 1e3 < budgetS);
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], rounds: times.length };
}

const ward = sodium.crypto_box_keypair();
for (const [label, size] of [['1KiB', 1024], ['64KiB', 64 * 1024], ['8MiB', 8 * 1024 * 1024]]) {
  const attachment = sodium.randombytes_buf_deterministic(size, sodium.randombytes_buf(32));
  const replyKey = sodium.randombytes_buf(32);
  let envelope;
  const s = medianTime(1, 5, () => { envelope = seal(attachment, replyKey, ward.publicKey); });
  let opened;
  const o = medianTime(1, 5, () => { opened = open(envelope, ward); });
  if (!sodium.memcmp(opened.attachments[0], attachment)) throw new Error(`the ${label} envelope did not open to what was sealed`);
  const mb = size / 1e6;
  console.log(`seal ${label} ${(mb / s.median).toFixed(1)} MB/s (envelope ${envelope.length} B; ` +
    `${(s.median * 1e3).toFixed(3)} ms, median of ${s.rounds} rounds)`);
  console.log(`open ${label} ${(mb / o.median).toFixed(1)} MB/s (${(o.median * 1e3).toFixed(3)} ms, median of ${o.rounds} rounds)`);
}

// Argon2id at the ward key file's costs (kWardKeyFileLimits, kDevelopmentKeyLimits in crypto/ward_key_file.hpp).
for (const [label, name, ops, mem] of [['ward-key-file', 'kWardKeyFileLimits', 3, 256], ['development-key', 'kDevelopmentKeyLimits', 2, 64]]) {
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const t = medianTime(0, 3, () => sodium.crypto_pwhash(32, 'seal-bench passphrase, not a secret', salt, ops, mem * 1024 * 1024,
    sodium.crypto_pwhash_ALG_ARGON2ID13));
  console.log(`argon2id ${label} ${(t.median * 1e3).toFixed(1)} ms (t=${ops}, ${mem} MiB: ${name}; crypto_pwhash, median of ${t.rounds} rounds)`);
}
