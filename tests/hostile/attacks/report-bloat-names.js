// No entry, but ten functions with 100 000-character names for the "did you rename it?" message.
for (let i = 0; i < 10; i++) globalThis[`f${i}${'x'.repeat(100000)}`] = function () {};
