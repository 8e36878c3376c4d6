using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Data;

/// <summary>Names a service's columns in snake_case, like the messaging tables, so raw SQL reads naturally.</summary>
public static class SnakeCaseColumns
{
    /// <summary>Every property of the entities in <paramref name="domainNamespace"/> (or below it); others, e.g. the outbox's, keep their names.</summary>
    public static void Apply(ModelBuilder modelBuilder, string domainNamespace)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => e.ClrType.Namespace?.StartsWith(domainNamespace, StringComparison.Ordinal) == true))
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(ToSnakeCase(property.Name));
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
