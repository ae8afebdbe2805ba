namespace K7.Contacts;

/// <summary>Where an import is.</summary>
public enum ContactImportStage
{
    /// <summary>Reading and checking rows.</summary>
    Reading = 0,

    /// <summary>Storing the accepted contacts, in one change.</summary>
    Saving = 1,

    /// <summary>Done.</summary>
    Completed = 2,
}
