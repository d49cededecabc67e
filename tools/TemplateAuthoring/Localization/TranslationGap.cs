namespace AsyncTestTemplates.Authoring.Localization;

/// <summary>What a culture's translation of a key needs.</summary>
public enum TranslationState
{
    /// <summary>Not translated (the key, or the culture's whole file, is missing).</summary>
    Missing,

    /// <summary>Translated, but the record does not say from which English text.</summary>
    Unrecorded,

    /// <summary>Translated from an English text that has changed since.</summary>
    Stale,

    /// <summary>Translated, but template.json no longer has the key.</summary>
    Obsolete,
}

/// <summary>One line of the translators' worklist; <see cref="English"/> is today's text (null for an obsolete key).</summary>
public sealed record TranslationGap(string Culture, string Template, string Key, TranslationState State, string? English, string Path)
{
    /// <summary>Tab-separated: culture, template, key, state, English text.</summary>
    public override string ToString() => string.Join('\t', Culture, Template, Key, State.ToString().ToLowerInvariant(), English ?? "");
}
