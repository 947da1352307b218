namespace O2C.Silo.Database;

/// <summary>No PostgreSQL server binaries (pg_ctl, initdb, postgres) were found on this machine.</summary>
public sealed class PostgresBinariesNotFoundException : InvalidOperationException
{
    public PostgresBinariesNotFoundException()
        : base("PostgreSQL binaries not found (looked on PATH and /usr/lib/postgresql/*/bin). " +
               "Install your distribution's PostgreSQL (e.g. `apt-get install postgresql`) " +
               "or run `docker compose up` and set ConnectionStrings:O2C.")
    {
    }
}
