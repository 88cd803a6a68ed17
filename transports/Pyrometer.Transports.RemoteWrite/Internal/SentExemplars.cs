namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>
/// Decides which exemplars an encoding sends: those not sent before. A series keeps its latest exemplar per slot
/// as an immutable <see cref="RecordedExemplar"/>, a new object for every recording, so "unchanged" is "the same
/// object as the one last sent", remembered on the series' <see cref="SeriesLabels"/>. The marks an encoding makes
/// are undone when it fails, so a failed collection loses no exemplar.
/// </summary>
internal sealed class SentExemplars
{
    private readonly List<Mark> _marks = [];

    /// <summary>Starts an encoding: the marks made from here on are those <see cref="Undo"/> takes back.</summary>
    public void Begin() => _marks.Clear();

    /// <summary>Returns <paramref name="exemplar"/> and marks it sent if it was not sent before in this slot; otherwise null.</summary>
    /// <param name="labels">The series' cached labels, which hold its marks.</param>
    /// <param name="slot">The counter's 0, or the histogram bucket's index.</param>
    /// <param name="slots">How many slots the series has.</param>
    /// <param name="exemplar">The series' latest exemplar in the slot, or null.</param>
    public RecordedExemplar? TakeNew(SeriesLabels labels, int slot, int slots, RecordedExemplar? exemplar)
    {
        if (exemplar is null)
        {
            return null;
        }

        var sent = labels.Exemplars ??= new RecordedExemplar?[slots];
        var previous = sent[slot];
        if (ReferenceEquals(previous, exemplar))
        {
            return null;
        }

        _marks.Add(new Mark(sent, slot, previous));
        sent[slot] = exemplar;
        return exemplar;
    }

    /// <summary>Ends a successful encoding: its marks stand (and the list lets go of the exemplars they replaced).</summary>
    public void Complete() => _marks.Clear();

    /// <summary>Takes back every mark since <see cref="Begin"/>: those exemplars count as unsent again.</summary>
    public void Undo()
    {
        for (var i = _marks.Count - 1; i >= 0; i--)
        {
            var mark = _marks[i];
            mark.Slots[mark.Slot] = mark.Previous;
        }

        _marks.Clear();
    }

    private readonly struct Mark(RecordedExemplar?[] slots, int slot, RecordedExemplar? previous)
    {
        public RecordedExemplar?[] Slots { get; } = slots;

        public int Slot { get; } = slot;

        public RecordedExemplar? Previous { get; } = previous;
    }
}
