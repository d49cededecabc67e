namespace AsyncTestTemplates.Authoring.Model;

/// <summary>A <c>.template.config/localize/templatestrings.&lt;culture&gt;.json</c> file.</summary>
public sealed record LocalizationFile(string Culture, JsonFile Json)
{
    public const string Prefix = "templatestrings.";
    public const string Suffix = ".json";

    public static string FileName(string culture) => $"{Prefix}{culture}{Suffix}";

    public string FileNameOnly => Path.GetFileName(Json.Path);
}
