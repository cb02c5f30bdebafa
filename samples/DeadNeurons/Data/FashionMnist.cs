using System;
using System.Globalization;
using System.IO;

namespace DeadNeurons.Data;

/// <summary>
/// Loads Fashion-MNIST (Zalando SE, MIT licence) from a folder holding its four IDX files under their
/// original names, gzip-compressed (<c>train-images-idx3-ubyte.gz</c>) or not (<c>train-images-idx3-ubyte</c>).
/// </summary>
internal static class FashionMnist
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the full set.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    public const int ImageSide = 28;

    public const int ClassCount = 10;

    /// <summary>Class names, indexed by label.</summary>
    public static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The subset that ships with the sample (8,000 training and 2,000 test images), copied beside the program.</summary>
    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>
    /// Loads the training and test splits from <paramref name="directory"/>, both scaled with the training
    /// split's pixel mean and standard deviation (<see cref="PixelScaling"/>).
    /// </summary>
    /// <exception cref="IdxFormatException">A file is missing or wrong; the message names it and says what is wrong.</exception>
    public static (ImageSet Train, ImageSet Test) Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new IdxFormatException($"{directory}: no such folder (expected the four Fashion-MNIST IDX files in it)");
        }

        ImageSet train = LoadSplit(directory, "train");
        ImageSet test = LoadSplit(directory, "t10k");
        PixelScaling scaling = PixelScaling.Measure(train.Pixels);
        return (train.WithScaling(scaling), test.WithScaling(scaling));
    }

    /// <summary>Loads one split (<c>train</c> or <c>t10k</c>), pixels in [0, 1], and checks that images and labels agree.</summary>
    public static ImageSet LoadSplit(string directory, string prefix)
    {
        string imagesPath = Find(directory, prefix + "-images-idx3-ubyte");
        string labelsPath = Find(directory, prefix + "-labels-idx1-ubyte");
        IdxImages images = IdxReader.ReadImages(imagesPath);
        byte[] labels = IdxReader.ReadLabels(labelsPath);

        if (images.Rows != ImageSide || images.Columns != ImageSide)
        {
            throw new IdxFormatException(imagesPath, string.Create(
                CultureInfo.InvariantCulture,
                $"images are {images.Rows}×{images.Columns}; Fashion-MNIST images are {ImageSide}×{ImageSide}"));
        }

        if (images.Count != labels.Length)
        {
            throw new IdxFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{Path.GetFileName(imagesPath)} holds {images.Count:N0} images but {Path.GetFileName(labelsPath)} holds {labels.Length:N0} labels; they must come from the same set ({directory})"));
        }

        int bad = Array.FindIndex(labels, label => label >= ClassCount);
        if (bad >= 0)
        {
            throw new IdxFormatException(labelsPath, string.Create(
                CultureInfo.InvariantCulture,
                $"label {labels[bad]} at index {bad:N0} is outside 0–{ClassCount - 1}"));
        }

        return new ImageSet(images.Pixels, labels, images.Rows, images.Columns, ClassCount);
    }

    /// <summary>The gzip file where there is one, else the uncompressed one; the gzip name when neither exists, for the message.</summary>
    private static string Find(string directory, string name)
    {
        string compressed = Path.Combine(directory, name + ".gz");
        string plain = Path.Combine(directory, name);
        return !File.Exists(compressed) && File.Exists(plain) ? plain : compressed;
    }
}
