using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace VoiceClone.PowerShell;

/// <summary>
/// A result as one row of scalar columns, for Export-Csv and spreadsheets (-Flat): numbers and text stay as they are,
/// a dictionary of scores becomes one column per key (Score_happy), a short array one column per element (MfccMeans1),
/// a list of durations one column joined with ';'. The frame contour and the feature vector, which have their own
/// exports (ConvertTo-VoiceContour; the named columns themselves), are left out.
/// </summary>
internal static class FlatRecord
{
    private static readonly HashSet<string> LeftOut = ["Contour", "FeatureVector", "FeatureNames"];
    // Arrays up to this long get one column per element; longer ones (pause lists) are joined into one column.
    private const int MaxSpreadElements = 16;

    public static PSObject From(object result)
    {
        var row = new PSObject();
        foreach (PropertyInfo property in result.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (LeftOut.Contains(property.Name) || property.GetIndexParameters().Length > 0) continue;
            object? value = property.GetValue(result);
            switch (value)
            {
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary) Add(row, $"{Singular(property.Name)}_{entry.Key}", entry.Value);
                    break;
                case double[] numbers when numbers.Length <= MaxSpreadElements && property.Name.StartsWith("Mfcc", StringComparison.Ordinal):
                    for (int i = 0; i < numbers.Length; i++) Add(row, $"{property.Name}{i + 1}", numbers[i]);
                    break;
                case string or null:
                    Add(row, property.Name, value);
                    break;
                case IEnumerable sequence:
                    Add(row, property.Name, string.Join(";", sequence.Cast<object>().Select(x => Convert.ToString(x, CultureInfo.InvariantCulture))));
                    break;
                default:
                    Add(row, property.Name, value);
                    break;
            }
        }
        return row;
    }

    private static void Add(PSObject row, string name, object? value) => row.Properties.Add(new PSNoteProperty(name, value));

    // Scores -> Score_happy, Recall -> Recall_happy
    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
