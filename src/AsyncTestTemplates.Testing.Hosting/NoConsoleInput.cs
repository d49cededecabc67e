namespace AsyncTestTemplates.Testing;

/// <summary>
/// The console input an entry point gets while <see cref="ProjectHost"/> runs it: none. A read
/// answers "end of input" at once instead of blocking (a test has no one at the keyboard), and is
/// remembered, so that the fallback can say the entry point waited for input. A menu that keeps
/// asking although the input has ended (a loop that treats null as "try again") is stopped by an
/// exception after a few reads, rather than spinning on a thread of the test process for ever.
/// </summary>
/// <remarks>
/// <see cref="Console.In"/> is one for the whole process, and several project hosts may start at
/// once: while any does, the console input is a router that gives each entry point (by its
/// execution flow) its own empty input, and everyone else the original input.
/// </remarks>
internal sealed class NoConsoleInput : TextReader
{
    private const int ReadsBeforeThrowing = 3;
    private static readonly AsyncLocal<NoConsoleInput?> Current = new();
    private static readonly object Gate = new();
    private static int _installed;
    private static TextReader? _original;
    private static TextReader? _router;
    private int _reads;

    /// <summary>True once the entry point tried to read the console.</summary>
    public bool WasRead => Volatile.Read(ref _reads) > 0;

    /// <summary>
    /// Gives the calling flow (and the threads it starts from now on) an empty console input until
    /// the result is disposed.
    /// </summary>
    /// <remarks>Synchronous on purpose: the flow it is set on is the caller's.</remarks>
    public static (NoConsoleInput Input, IDisposable Restore) Install()
    {
        var input = new NoConsoleInput();
        lock (Gate)
        {
            if (_installed++ == 0)
            {
                _original = Console.In;
                Console.SetIn(new Router());
                // Console wraps it in a synchronized reader: that wrapper is what Console.In returns now.
                _router = Console.In;
            }
        }

        Current.Value = input;
        return (input, new Restorer());
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

    // What Console.In is while any entry point runs: the entry point's empty input on its flow, the original elsewhere.
    private sealed class Router : TextReader
    {
        private static TextReader Target => Current.Value ?? _original ?? Null;

        public override int Peek() => Target.Peek();

        public override int Read() => Target.Read();

        public override int Read(char[] buffer, int index, int count) => Target.Read(buffer, index, count);

        public override string? ReadLine() => Target.ReadLine();

        public override string ReadToEnd() => Target.ReadToEnd();

        public override Task<string?> ReadLineAsync() => Target.ReadLineAsync();

        public override Task<string> ReadToEndAsync() => Target.ReadToEndAsync();
    }

    private sealed class Restorer : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            lock (Gate)
            {
                // The last one out puts the original back, unless somebody has set another input since (the test itself, say).
                if (--_installed == 0)
                {
                    if (ReferenceEquals(Console.In, _router))
                    {
                        Console.SetIn(_original!);
                    }

                    _original = null;
                    _router = null;
                }
            }
        }
    }
}
