// Test cases for rotationPretextBatch. Evaluated only inside the trusted grading isolate.
// Channels differ from the spatial size wherever possible, so a transpose of the wrong axes shows in the shape.

// Wrong variants for the visible messages.
const SWAP = [0, 2, 1, 3];
const ccw = (x) => tf.transpose(tf.reverse(x, 2), SWAP);
const cw = (x) => tf.reverse(tf.transpose(x, SWAP), 2);
const blockLabels = (n) => tf.tensor1d(Array.from({ length: 4 * n }, (_, i) => Math.floor(i / n)), 'int32');
const batchWith = (images, { r90 = ccw, r180 = (x) => tf.reverse(x, [1, 2]), r270 = cw, order = 'blocks', labels = blockLabels } = {}) => {
  const n = images.shape[0];
  const blocks = [images, r90(images), r180(images), r270(images)];
  let inputs = tf.concat(blocks, 0);
  if (order === 'interleaved') inputs = tf.stack(blocks, 1).reshape(inputs.shape);
  return { inputs, labels: labels(n) };
};
const mistake = (id, message, o) => ({ id, message, replace: { rotationPretextBatch: (images) => batchWith(images, o) } });

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (one 3×3 image, 1 channel)',
      visible: true,
      points: 1.5,
      seed: 1,
      inputs: ({ tf }) => [tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1])],
    },
    {
      id: 'random-batch',
      name: 'batch of 3 images 4×4 with 2 channels',
      visible: true,
      points: 1.5,
      seed: 42,
      inputs: ({ rng }) => [rng.normal([3, 4, 4, 2])],
      // Visible gradient check (of the sum of inputs): rotations built without gradients fail here already;
      // with odd-size and gradient, 55 % of the points.
      grad: { wrt: [0], output: 'inputs', atol: 1e-5 },
    },
    {
      id: 'rgb-batch',
      name: 'batch of 5 RGB images 6×6',
      visible: false,
      points: 2,
      seed: 3,
      inputs: ({ rng }) => [rng.uniform([5, 6, 6, 3])],
    },
    {
      id: 'odd-size',
      name: 'batch of 2 images 5×5 (odd size) with 1 channel',
      visible: false,
      points: 2,
      seed: 4,
      inputs: ({ rng }) => [rng.normal([2, 5, 5, 1])],
      grad: { wrt: [0], output: 'inputs', atol: 1e-5 },
    },
    {
      id: 'single-pixel',
      name: '1×1 images (every rotation is the same), batch of 2 with 3 channels',
      visible: false,
      points: 1,
      seed: 5,
      inputs: ({ rng }) => [rng.normal([2, 1, 1, 3])],
    },
    {
      id: 'gradient',
      name: 'gradient of a weighted sum of the inputs with respect to the images',
      visible: false,
      points: 2,
      seed: 6,
      inputs: ({ rng }) => [rng.normal([2, 3, 3, 2]), rng.normal([8, 3, 3, 2])],
      // The weights make every output position count differently, so the gradient also checks where each pixel went.
      run: ({ rotationPretextBatch }, images, weights) => tf.sum(tf.mul(rotationPretextBatch(images).inputs, weights)),
      grad: { wrt: [0], atol: 1e-5 },
    },
  ],
  {
    mistakes: [
      mistake('clockwise', 'the 90° and 270° blocks are swapped: rotate counter-clockwise, as numpy rot90(img, 1, axes=(0, 1)) does', { r90: cw, r270: ccw }),
      mistake('transpose-only', 'a transpose alone mirrors the image across its diagonal; a rotation also reverses one spatial axis', {
        r90: (x) => tf.transpose(x, SWAP),
        r270: (x) => tf.reverse(tf.reverse(tf.transpose(x, SWAP), 2), 1),
      }),
      mistake('half-turn-one-axis', '180° reverses both spatial axes (1 and 2), not only one', { r180: (x) => tf.reverse(x, 1) }),
      mistake('interleaved', 'group the batch by angle: first all N images at 0°, then all N at 90°, and so on (blocks of N), not the four rotations of each image together', { order: 'interleaved' }),
      mistake('labels-one-hot', 'labels are class indices, an int32 tensor of shape [4N] (N zeros, N ones, …), not one-hot rows of shape [4N, 4]', {
        labels: (n) => tf.oneHot(blockLabels(n), 4),
      }),
      mistake('same-rotation-each-block', 'the 180° and 270° blocks must be rotated twice and three times: each block turns a quarter more than the one before', {
        r180: ccw,
        r270: ccw,
      }),
      mistake('labels-interleaved', 'the labels come in blocks too: N zeros, then N ones, N twos and N threes', {
        labels: (n) => tf.tensor1d(Array.from({ length: 4 * n }, (_, i) => i % 4), 'int32'),
      }),
    ],
  },
);
