// The device's records in IndexedDB, page side: sealed blobs by record id (the app seals and opens
// them; this file never sees a draft in clear) and the device key, kept wrapped by a non-extractable
// AES-GCM key so page script can use it but never read it out (crypto/device_record.md).
'use strict';
(function () {
  const DB_NAME = 'madoguchi';
  const RECORDS = 'records';  // record id -> Uint8Array (a sealed device record)
  const DEVICE = 'device';    // 'key' -> { wrapping: CryptoKey, iv, wrapped }

  let dbPromise = null;

  function promised(request) {
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function finished(tx) {
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new DOMException('The save was aborted', 'AbortError'));
    });
  }

  function database() {
    if (!dbPromise) {
      if (!self.indexedDB) return Promise.reject(new DOMException('IndexedDB is not available', 'UnknownError'));
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore(RECORDS);
        open.result.createObjectStore(DEVICE);
      };
      dbPromise = promised(open);
      dbPromise.catch(() => { dbPromise = null; });
    }
    return dbPromise;
  }

  // The raw device key, or null when this profile has none yet (or its wrapping key is gone).
  async function unwrapKey(entry) {
    if (!entry || !entry.wrapping) return null;
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: entry.iv }, entry.wrapping, entry.wrapped));
    } catch (e) {
      return null;
    }
  }

  const SAVES_KEPT = 500;

  const DeviceStore = {
    // [ms on the page's thread, ms until committed, bytes] of the latest saves, measured by the app
    // (tools/bench/draft-save-bench).
    saves: [],
    noteSave(blockingMs, committedMs, bytes) {
      this.saves.push([blockingMs, committedMs, bytes]);
      if (this.saves.length > SAVES_KEPT) this.saves.shift();
    },

    // Every record and the device key. Asks once for persistent storage, so the browser does not evict
    // the drafts under storage pressure; the answer does not change what the app does.
    async open() {
      const db = await database();
      const tx = db.transaction([RECORDS, DEVICE], 'readonly');
      const records = tx.objectStore(RECORDS);
      const [ids, blobs, entry] = await Promise.all([
        promised(records.getAllKeys()), promised(records.getAll()), promised(tx.objectStore(DEVICE).get('key'))]);
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
      return { key: await unwrapKey(entry), records: ids.map((id, i) => [id, new Uint8Array(blobs[i])]) };
    },

    // Wraps and keeps a new device key; `raw` is wiped here once wrapped.
    async keepKey(raw) {
      const wrapping = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapping, raw);
      raw.fill(0);
      const db = await database();
      const tx = db.transaction(DEVICE, 'readwrite');
      tx.objectStore(DEVICE).put({ wrapping, iv, wrapped }, 'key');
      await finished(tx);
    },

    // One transaction: a save lands whole or not at all.
    async commit(writes, removes) {
      const db = await database();
      const tx = db.transaction(RECORDS, 'readwrite');
      const store = tx.objectStore(RECORDS);
      for (const [id, blob] of writes) store.put(blob, id);
      for (const id of removes) store.delete(id);
      await finished(tx);
    },
  };

  self.MadoguchiDeviceStore = DeviceStore;
})();
