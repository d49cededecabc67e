using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncTestTemplates.Authoring.Model;

namespace AsyncTestTemplates.Authoring.Localization;

/// <summary>
/// <c>.template.config/localize/translated-from.json</c>: per culture and key, a hash of the English
/// text the translation was made from. A key whose English text has changed since (or that was never
/// recorded) is stale in that culture until a translator updates it and records it again
/// (<c>localize --translated</c>). The engine only reads <c>templatestrings.*.json</c> and the file is
/// never staged for packing (<see cref="Packaging.TemplateStager"/>), so it stays out of the package.
/// </summary>
public sealed class TranslationRecord
{
    public const string FileName = "translated-from.json";

    private readonly SortedDictionary<string, Dictionary<string, string>> _cultures = new(StringComparer.Ordinal);

    private TranslationRecord(string path) => Path = path;

    public string Path { get; }

    public static string PathIn(TemplateFolder template) => System.IO.Path.Combine(template.LocalizeDirectory, FileName);

    /// <summary>Reads the template's record (empty when there is none). Throws <see cref="JsonException"/> when it is not an object of objects of strings.</summary>
    public static async Task<TranslationRecord> ReadAsync(TemplateFolder template, CancellationToken cancellationToken)
    {
        var record = new TranslationRecord(PathIn(template));
        if (await JsonFile.ReadAsync(record.Path, cancellationToken) is not { } json)
        {
            return record;
        }

        foreach (var (culture, keys) in json.Root)
        {
            if (keys is not JsonObject entries)
            {
                throw new JsonException($"'{culture}' is not an object of key: hash.");
            }

            record._cultures[culture] = entries.ToDictionary(
                entry => entry.Key,
                entry => entry.Value?.GetValueKind() == JsonValueKind.String ? entry.Value.GetValue<string>() : throw new JsonException($"'{culture}/{entry.Key}' is not a string."),
                StringComparer.Ordinal);
        }

        return record;
    }

    /// <summary>What the record says <paramref name="culture"/>'s <paramref name="key"/> was translated from; null when never recorded.</summary>
    public string? SourceOf(string culture, string key) =>
        _cultures.TryGetValue(culture, out var keys) && keys.TryGetValue(key, out var hash) ? hash : null;

    /// <summary>Records that <paramref name="culture"/>'s <paramref name="key"/> now translates <paramref name="english"/>.</summary>
    public void Record(string culture, string key, string english)
    {
        if (!_cultures.TryGetValue(culture, out var keys))
        {
            _cultures[culture] = keys = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        keys[key] = Hash(english);
    }

    /// <summary>Drops what the record says of keys the culture's file or template.json no longer has.</summary>
    public void Keep(string culture, IReadOnlySet<string> keys)
    {
        if (_cultures.TryGetValue(culture, out var recorded))
        {
            foreach (var key in recorded.Keys.Where(key => !keys.Contains(key)).ToList())
            {
                recorded.Remove(key);
            }
        }
    }

    /// <summary>Writes the record: cultures in ordinal order, keys in the English file's order.</summary>
    public async Task WriteAsync(IReadOnlyList<string> keyOrder, CancellationToken cancellationToken)
    {
        var json = new JsonObject();
        foreach (var (culture, keys) in _cultures.Where(c => c.Value.Count > 0))
        {
            var entries = new JsonObject();
            foreach (var key in keyOrder.Where(keys.ContainsKey).Concat(keys.Keys.Where(k => !keyOrder.Contains(k)).Order(StringComparer.Ordinal)))
            {
                entries[key] = keys[key];
            }

            json[culture] = entries;
        }

        await File.WriteAllTextAsync(Path, Localizer.RenderJson(json), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the English text: enough to tell a change, short enough to read in a diff.</summary>
    public static string Hash(string english) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(english)))[..16];
}
