using System;
using System.Linq;
using DeadNeurons.Data;
using Xunit;

namespace ActivationGen.Samples.Tests;

public sealed class IdxReaderTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_a_valid_image_file_plain_or_gzipped(bool gzip)
    {
        byte[] content = IdxTestFiles.ImagesBytes(count: 3, rows: 2, columns: 4, pixel: i => (byte)(i * 10));
        string path = _files.Write("images", gzip ? IdxTestFiles.Gzip(content) : content);

        IdxImages images = IdxReader.ReadImages(path);

        Assert.Equal(3, images.Count);
        Assert.Equal(2, images.Rows);
        Assert.Equal(4, images.Columns);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (byte)(i * 10)), images.Pixels);
    }

    [Fact]
    public void Reads_a_valid_label_file()
    {
        string path = _files.Write("labels.gz", IdxTestFiles.Gzip(IdxTestFiles.LabelsBytes(7, 0, 9)));

        Assert.Equal(new byte[] { 7, 0, 9 }, IdxReader.ReadLabels(path));
    }

    [Fact]
    public void Truncated_image_data_is_reported_with_the_file_name_and_the_sizes()
    {
        byte[] content = IdxTestFiles.ImagesBytes(count: 3, rows: 2, columns: 2);
        string path = _files.Write("short-images", content.AsSpan(0, content.Length - 1).ToArray());

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith("short-images: truncated:", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 images of 2×2 (12 bytes after the header)", e.Message, StringComparison.Ordinal);
        Assert.Contains("holds 11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_cut_short_is_reported_as_truncated()
    {
        byte[] content = IdxTestFiles.ImagesBytes(count: 1, rows: 2, columns: 2);
        string path = _files.Write("tiny", content.AsSpan(0, 10).ToArray());

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(path));

        Assert.Equal($"tiny: truncated: 10 bytes, shorter than its 16-byte header ({path})", e.Message);
    }

    [Fact]
    public void A_gzip_stream_cut_short_is_reported_not_loaded_in_part()
    {
        byte[] gzip = IdxTestFiles.Gzip(IdxTestFiles.ImagesBytes(count: 50, rows: 28, columns: 28, pixel: i => (byte)((i * 7919) % 256)));
        string path = _files.Write("cut.gz", gzip.AsSpan(0, gzip.Length / 2).ToArray());

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith("cut.gz: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_bytes_after_the_data_are_reported()
    {
        byte[] content = IdxTestFiles.ImagesBytes(count: 2, rows: 2, columns: 2);
        string path = _files.Write("long-images", [.. content, 1, 2, 3]);

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(path));

        Assert.Contains("3 bytes more than the header's 2 images of 2×2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_file_given_as_images_is_named_for_what_it_is()
    {
        string path = _files.Write("train-images-idx3-ubyte", IdxTestFiles.LabelsBytes(1, 2, 3));

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith(
            "train-images-idx3-ubyte: wrong magic number 0x00000801: expected 0x00000803, an image file (3 dimensions); this is a label file (1 dimension)",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_idx_at_all_says_so()
    {
        string path = _files.Write("notes.txt", "hello, world"u8.ToArray());

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("wrong magic number 0x68656C6C", e.Message, StringComparison.Ordinal);
        Assert.Contains("not an IDX file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        string path = System.IO.Path.Combine(_files.Directory, "absent.gz");

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(path));

        Assert.Equal($"absent.gz: file not found ({path})", e.Message);
    }

    [Fact]
    public void Images_and_labels_that_disagree_in_count_name_both_files()
    {
        _files.Write("train-images-idx3-ubyte.gz", IdxTestFiles.Gzip(IdxTestFiles.ImagesBytes(count: 3, rows: 28, columns: 28)));
        _files.Write("train-labels-idx1-ubyte.gz", IdxTestFiles.Gzip(IdxTestFiles.LabelsBytes(1, 2)));

        var e = Assert.Throws<IdxFormatException>(() => FashionMnist.LoadSplit(_files.Directory, "train"));

        Assert.StartsWith("train-images-idx3-ubyte.gz holds 3 images but train-labels-idx1-ubyte.gz holds 2 labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_of_the_wrong_size_are_refused()
    {
        _files.Write("t10k-images-idx3-ubyte", IdxTestFiles.ImagesBytes(count: 2, rows: 32, columns: 32));
        _files.Write("t10k-labels-idx1-ubyte", IdxTestFiles.LabelsBytes(1, 2));

        var e = Assert.Throws<IdxFormatException>(() => FashionMnist.LoadSplit(_files.Directory, "t10k"));

        Assert.Contains("images are 32×32; Fashion-MNIST images are 28×28", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_outside_the_ten_classes_is_refused()
    {
        _files.Write("t10k-images-idx3-ubyte", IdxTestFiles.ImagesBytes(count: 3, rows: 28, columns: 28));
        _files.Write("t10k-labels-idx1-ubyte", IdxTestFiles.LabelsBytes(1, 10, 2));

        var e = Assert.Throws<IdxFormatException>(() => FashionMnist.LoadSplit(_files.Directory, "t10k"));

        Assert.Contains("label 10 at index 1 is outside 0–9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_subset_holds_8000_and_2000_images_balanced_over_the_classes()
    {
        (ImageSet train, ImageSet test) = FashionMnist.Load(FashionMnist.BundledDirectory);

        Assert.Equal(8000, train.Count);
        Assert.Equal(2000, test.Count);
        Assert.Equal(8000 * 784, train.Pixels.Length);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(800, train.Labels.Count(l => l == c)));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(200, test.Labels.Count(l => l == c)));
    }
}
