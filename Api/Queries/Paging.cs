using O2C.Api.Validation;

namespace O2C.Api.Queries;

/// <summary>Page number (from 1) and size (1 to 500, default 50) from the query string.</summary>
public sealed record Paging(int Page, int PageSize)
{
    public int Offset => (Page - 1) * PageSize;

    public static Paging? From(int? page, int? pageSize, FieldErrors errors)
    {
        if (page is < 1)
        {
            errors.Add("page", "must be at least 1");
        }

        if (pageSize is < 1 or > 500)
        {
            errors.Add("pageSize", "must be between 1 and 500");
        }

        return errors.Any ? null : new Paging(page ?? 1, pageSize ?? 50);
    }

    /// <summary>Wraps a page of items with the paging figures: {items, page, pageSize, total}.</summary>
    public string Wrap(string itemsJson, long total) =>
        $$"""{"items":{{itemsJson}},"page":{{Page}},"pageSize":{{PageSize}},"total":{{total}}}""";
}
