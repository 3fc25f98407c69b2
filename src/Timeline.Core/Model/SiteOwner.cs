namespace Timeline.Model;

/// <summary>Who publishes the site (site.yml's 'publisher'): a name, and an address when given.</summary>
public sealed record Publisher(string Name, string? Url);

/// <summary>An address to write to: an e-mail address (Href is then mailto:) or an http or https address; Text is how it is shown.</summary>
public sealed record ContactAddress(string Text, string Href)
{
    public bool IsEmail => Href.StartsWith("mailto:", StringComparison.Ordinal);
}

/// <summary>How errors are reported (site.yml's 'corrections'): where to write, and the policy in the site's words (plain text) when given.</summary>
public sealed record CorrectionsPolicy(ContactAddress Contact, string? Policy);

/// <summary>The licence of the site's text: its SPDX id, its name and the address of its terms.</summary>
public sealed record License(string Id, string Name, string Url);
