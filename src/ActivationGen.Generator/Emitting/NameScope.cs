using System.Collections.Generic;

namespace ActivationGen.Generator.Emitting;

/// <summary>
/// Hands out local names that do not collide with the user's parameter names or with each other
/// (a user may call a parameter "e" or "i"; generated code must still compile).
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string> reserved)
    {
        _taken = new HashSet<string>();
        foreach (string name in reserved)
        {
            _taken.Add(name.TrimStart('@'));
        }
    }

    public NameScope Fork() => new(_taken);

    public string Fresh(string preferred)
    {
        string name = preferred;
        for (int i = 2; !_taken.Add(name); i++)
        {
            name = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
