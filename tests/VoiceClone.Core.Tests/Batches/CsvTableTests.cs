using VoiceClone.Core.Batches;

namespace VoiceClone.Core.Tests.Batches;

public sealed class CsvTableTests
{
    private static List<CsvRecord> Read(string text) => CsvTable.Read(new StringReader(text)).ToList();

    [Fact]
    public void Reads_plain_cells_with_LF_or_CRLF_and_skips_blank_lines()
    {
        List<CsvRecord> records = Read("path,text\r\na.wav,hello\n\nb.wav,\r\n");
        Assert.Equal([["path", "text"], ["a.wav", "hello"], ["b.wav", ""]], records.Select(r => r.Cells));
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Quoted_cells_hold_commas_doubled_quotes_and_line_breaks_as_Export_Csv_writes_them()
    {
        List<CsvRecord> records = Read("\"reference\",\"text\",\"id\"\n\"a.wav\",\"Hello, \"\"world\"\"\nand more\",\"x1\"\n\"b.wav\",\"\",\"x2\"");
        Assert.Equal(["a.wav", "Hello, \"world\"\nand more", "x1"], records[1].Cells);
        Assert.Equal(["b.wav", "", "x2"], records[2].Cells);
        Assert.Equal(4, records[2].Line); // the line break inside the quotes counts
    }

    [Fact]
    public void A_line_without_a_final_line_break_is_a_record()
    {
        Assert.Equal(["a", "b"], Read("x,y\na,b").Last().Cells);
    }

    [Fact]
    public void A_quote_left_open_names_the_line_it_opened_on()
    {
        var e = Assert.Throws<FormatException>(() => Read("path\n\"a.wav\n\nb.wav\n"));
        Assert.Contains("line 2", e.Message);
    }
}
