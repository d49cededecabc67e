namespace AsyncTestTemplates.Testing;

/// <summary>
/// The console input an entry point gets while <see cref="ProjectHost"/> runs it: none. A read
/// answers "end of input" at once instead of blocking (a test has no one at the keyboard), and is
/// remembered, so that the fallback can say the entry point waited for input. A menu that keeps
/// asking although the input has ended (a loop that treats null as "try again") is stopped by an
/// exception after a few reads, rather than spinning on a thread of the test process for ever.
/// </summary>
internal sealed class NoConsoleInput : TextReader
{
    private const int ReadsBeforeThrowing = 3;
    private int _reads;

    /// <summary>True once the entry point tried to read the console.</summary>
    public bool WasRead => Volatile.Read(ref _reads) > 0;

    /// <summary>Swaps <see cref="Console.In"/> for an empty input until the result is disposed.</summary>
    public static (NoConsoleInput Input, IDisposable Restore) Install()
    {
        var original = Console.In;
        var input = new NoConsoleInput();
        Console.SetIn(input);
        // Console wraps it in a synchronized reader: that wrapper is what Console.In returns now.
        return (input, new Restorer(Console.In, original));
    }

    public override int Peek() => EndOfInput(-1);

    public override int Read() => EndOfInput(-1);

    public override int Read(char[] buffer, int index, int count) => EndOfInput(0);

    public override string? ReadLine() => EndOfInput<string?>(null);

    public override string ReadToEnd() => EndOfInput(string.Empty);

    public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());

    public override Task<string> ReadToEndAsync() => Task.FromResult(ReadToEnd());

    private T EndOfInput<T>(T endOfInput)
    {
        if (Interlocked.Increment(ref _reads) > ReadsBeforeThrowing)
        {
            throw new InvalidOperationException("The console input has ended: a test gives an interactive entry point no input.");
        }

        return endOfInput;
    }

    private sealed class Restorer(TextReader installed, TextReader original) : IDisposable
    {
        public void Dispose()
        {
            // Only if nobody has set another input since (the test itself, say).
            if (ReferenceEquals(Console.In, installed))
            {
                Console.SetIn(original);
            }
        }
    }
}
