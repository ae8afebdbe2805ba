using System.Globalization;
using System.Text;
using K7.SampleHost.Storage;
using K7.Sip.Proxy;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace K7.SampleHost.CallHistory;

/// <summary>
/// Every user's call history in one SQLite file (<see cref="DataFolder.CallHistoryDatabase"/>): WAL journaling and
/// <c>synchronous=FULL</c>, so a committed call survives a killed process; the records of one call are written in one
/// transaction, so a call is there whole or not at all. A file of another schema version is refused.
/// </summary>
internal sealed class CallHistoryStore : IDisposable
{
    public const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public CallHistoryStore(DataFolder data)
        : this(data?.CallHistoryDatabase ?? throw new ArgumentNullException(nameof(data)))
    {
    }

    /// <exception cref="InvalidOperationException">The file holds a call history of another schema version.</exception>
    public CallHistoryStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        DatabasePath = path;
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        try
        {
            Execute("PRAGMA journal_mode=WAL;");
            Execute("PRAGMA synchronous=FULL;");
            var version = Convert.ToInt64(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version == 0)
            {
                using var transaction = _connection.BeginTransaction();
                Execute(
                    """
                    CREATE TABLE IF NOT EXISTS calls (
                        id TEXT NOT NULL PRIMARY KEY,
                        user TEXT NOT NULL,
                        call_id TEXT NOT NULL,
                        direction INTEGER NOT NULL,
                        caller_number TEXT NOT NULL,
                        caller_name TEXT NULL,
                        dialed_number TEXT NOT NULL,
                        answered_by TEXT NULL,
                        outcome INTEGER NOT NULL,
                        start_ticks INTEGER NOT NULL,
                        duration_seconds INTEGER NOT NULL,
                        UNIQUE (call_id, user, direction));
                    CREATE INDEX IF NOT EXISTS calls_by_user ON calls (user, start_ticks DESC, id DESC);
                    PRAGMA user_version = 1;
                    """,
                    transaction);
                transaction.Commit();
            }
            else if (version != SchemaVersion)
            {
                throw new InvalidOperationException($"{path}: the call history is of schema version {version}; this host reads version {SchemaVersion}.");
            }
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public string DatabasePath { get; }

    /// <summary>Adds the records of one call in one transaction; a record already there (same call, user and direction) is kept.</summary>
    public void Add(IReadOnlyList<CallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT OR IGNORE INTO calls (id, user, call_id, direction, caller_number, caller_name, dialed_number, answered_by, outcome, start_ticks, duration_seconds)
                VALUES ($id, $user, $callId, $direction, $callerNumber, $callerName, $dialedNumber, $answeredBy, $outcome, $start, $duration);
                """;
            string[] names = ["$id", "$user", "$callId", "$direction", "$callerNumber", "$callerName", "$dialedNumber", "$answeredBy", "$outcome", "$start", "$duration"];
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            foreach (var r in records)
            {
                command.Parameters["$id"].Value = r.Id;
                command.Parameters["$user"].Value = r.User;
                command.Parameters["$callId"].Value = r.CallId;
                command.Parameters["$direction"].Value = (int)r.Direction;
                command.Parameters["$callerNumber"].Value = r.CallerNumber;
                command.Parameters["$callerName"].Value = (object?)r.CallerName ?? DBNull.Value;
                command.Parameters["$dialedNumber"].Value = r.DialedNumber;
                command.Parameters["$answeredBy"].Value = (object?)r.AnsweredBy ?? DBNull.Value;
                command.Parameters["$outcome"].Value = (int)r.Outcome;
                command.Parameters["$start"].Value = r.Start.ToUnixTimeTicks();
                command.Parameters["$duration"].Value = r.DurationSeconds;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>One user's records that match, newest first, and how many match in all.</summary>
    public CallHistoryPage Query(string user, CallHistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1);
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            var where = new StringBuilder("user = $user");
            command.Parameters.AddWithValue("$user", user);
            if (query.From is { } from)
            {
                where.Append(" AND start_ticks >= $from");
                command.Parameters.AddWithValue("$from", from.ToUnixTimeTicks());
            }

            if (query.Until is { } until)
            {
                where.Append(" AND start_ticks < $until");
                command.Parameters.AddWithValue("$until", until.ToUnixTimeTicks());
            }

            if (!string.IsNullOrEmpty(query.CallerNumber))
            {
                where.Append(" AND instr(caller_number, $caller) > 0");
                command.Parameters.AddWithValue("$caller", query.CallerNumber);
            }

            if (!string.IsNullOrEmpty(query.DialedNumber))
            {
                where.Append(" AND instr(dialed_number, $dialed) > 0");
                command.Parameters.AddWithValue("$dialed", query.DialedNumber);
            }

            if (query.Type is { } type)
            {
                where.Append(" AND ").Append(TypeCondition(type));
            }

            command.CommandText = $"SELECT count(*) FROM calls WHERE {where};";
            var total = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            command.CommandText =
                $"""
                SELECT id, user, call_id, direction, caller_number, caller_name, dialed_number, answered_by, outcome, start_ticks, duration_seconds
                FROM calls WHERE {where} ORDER BY start_ticks DESC, id DESC LIMIT $take OFFSET $skip;
                """;
            command.Parameters.AddWithValue("$take", query.Take);
            command.Parameters.AddWithValue("$skip", query.Skip);
            var items = new List<CallRecord>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                items.Add(new CallRecord(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    (CallDirection)reader.GetInt32(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    (CallOutcome)reader.GetInt32(8),
                    Instant.FromUnixTimeTicks(reader.GetInt64(9)),
                    reader.GetInt64(10)));
            }

            return new CallHistoryPage(items, total);
        }
    }

    /// <summary>The user's <paramref name="count"/> most recent calls (the Home page's "Recent Call History").</summary>
    internal IReadOnlyList<CallRecord> Recent(string user, int count) =>
        Query(user, new CallHistoryQuery { Take = Math.Clamp(count, 1, CallHistoryQuery.MaxTake) }).Items;

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private static string TypeCondition(CallType type)
    {
        static string Outcomes(params CallOutcome[] outcomes) =>
            "outcome IN (" + string.Join(", ", outcomes.Select(o => ((int)o).ToString(CultureInfo.InvariantCulture))) + ")";
        var inbound = "direction = " + ((int)CallDirection.Inbound).ToString(CultureInfo.InvariantCulture);
        return type switch
        {
            CallType.Inbound => inbound,
            CallType.Outbound => "direction = " + ((int)CallDirection.Outbound).ToString(CultureInfo.InvariantCulture),
            CallType.Missed => $"{inbound} AND {Outcomes(CallOutcome.NoAnswer, CallOutcome.Busy, CallOutcome.Offline, CallOutcome.Cancelled)}",
            CallType.Answered => Outcomes(CallOutcome.Answered),
            CallType.Voicemail => Outcomes(CallOutcome.Voicemail),
            CallType.Forwarded => Outcomes(CallOutcome.Forwarded),
            CallType.Rejected => Outcomes(CallOutcome.Rejected),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a call type."),
        };
    }

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
