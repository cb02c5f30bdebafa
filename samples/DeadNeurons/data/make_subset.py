#!/usr/bin/env python3
"""Makes the Fashion-MNIST subset that ships with the DeadNeurons sample.

Reads the full set (IDX, gzip) and writes, in the same IDX format and under the same file names, the first
800 training images of each class and the first 200 test images of each class, in the order they stand in
the original files. The choice depends only on the labels, so the same input gives the same subset; the
gzip streams carry no file name and a zero timestamp, so the same zlib gives the same bytes.

Usage (from this folder):
    python3 make_subset.py [SOURCE_DIR]      # default /usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist)

Python 3 standard library only.
"""
import gzip
import hashlib
import os
import struct
import sys

TRAIN_PER_CLASS = 800
TEST_PER_CLASS = 200
CLASSES = 10


def read_idx(path, magic, dims):
    with gzip.open(path, "rb") as f:
        data = f.read()
    header = struct.unpack(">" + "I" * (1 + dims), data[: 4 * (1 + dims)])
    if header[0] != magic:
        sys.exit(f"{path}: magic number {header[0]:#010x}, expected {magic:#010x}")
    return header[1:], data[4 * (1 + dims):]


def take(source, prefix, per_class, out_dir):
    images_name = f"{prefix}-images-idx3-ubyte.gz"
    labels_name = f"{prefix}-labels-idx1-ubyte.gz"
    (count, rows, cols), pixels = read_idx(os.path.join(source, images_name), 0x00000803, 3)
    (label_count,), labels = read_idx(os.path.join(source, labels_name), 0x00000801, 1)
    if count != label_count or len(pixels) != count * rows * cols or len(labels) != count:
        sys.exit(f"{source}: {images_name} and {labels_name} do not agree")

    taken = [0] * CLASSES
    chosen = []
    for index, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append(index)
    if len(chosen) != per_class * CLASSES:
        sys.exit(f"{source}: fewer than {per_class} images of some class in {images_name}: {taken}")

    size = rows * cols
    out_pixels = b"".join(pixels[i * size:(i + 1) * size] for i in chosen)
    out_labels = bytes(labels[i] for i in chosen)
    write(os.path.join(out_dir, images_name), struct.pack(">IIII", 0x00000803, len(chosen), rows, cols) + out_pixels)
    write(os.path.join(out_dir, labels_name), struct.pack(">II", 0x00000801, len(chosen)) + out_labels)


def write(path, payload):
    with open(path, "wb") as f:
        f.write(gzip.compress(payload, compresslevel=9, mtime=0))
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    print(f"{digest}  {os.path.basename(path)}")


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    out_dir = os.path.dirname(os.path.abspath(__file__))
    take(source, "train", TRAIN_PER_CLASS, out_dir)
    take(source, "t10k", TEST_PER_CLASS, out_dir)


if __name__ == "__main__":
    main()
