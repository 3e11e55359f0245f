// Runs right after the tfjs bundle in every isolate. A bare V8 context has no window and no
// process, so tfjs registers no platform on its own and fails on first use (DESIGN §8).
(function () {
  'use strict';
  const tf = globalThis.tf;
  // UTF-8 by hand: a bare context has no TextEncoder. tfjs only uses these for string tensors.
  function encode(s) {
    const out = [];
    for (const ch of String(s)) {
      const c = ch.codePointAt(0);
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
  function decode(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    try {
      return decodeURIComponent(escape(s));
    } catch {
      return s;
    }
  }
  tf.setPlatform('tensorgrade-sandbox', {
    now: () => Date.now(),
    encode,
    decode,
    isTypedArray: (a) => ArrayBuffer.isView(a) && !(a instanceof DataView),
    fetch: () => Promise.reject(new Error('fetch is not available in the grader')),
    setTimeoutCustom: () => {
      throw new Error('timers are not available in the grader');
    },
  });
  tf.setBackend('cpu');
})();
