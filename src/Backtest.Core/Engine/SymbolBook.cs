using Backtest.Core.Bars;
using Backtest.Core.Costs;
using Backtest.Core.Market;
using Backtest.Core.Strategies;

namespace Backtest.Core.Engine;

/// <summary>
/// One strategy's position on one symbol, stepped bar by bar by a kernel: fills at the open, marks at the close,
/// decisions at the close. The single-symbol and portfolio kernels drive the same book, so both apply one set of
/// conventions and models:
/// <list type="bullet">
/// <item>signals at bar t's close act at bar t+1's open; the last bar's signals have no next open and are dropped;</item>
/// <item>an entry signal while a position is open, or while its exit is pending, is ignored (no pyramiding); once the
/// exit has filled at an open, an entry signal at that same bar's close is taken (re-entry as in backtrader/vectorbt);</item>
/// <item>a time stop of H bars issues the exit at the close of entry signal bar + H, so the holding spans the H-bar
/// forward return of the signal bar (open s+1 to open s+H+1);</item>
/// <item>ATR stops sit at entry open ∓ k × ATR[signal bar], are checked on closes (no intrabar optimism) from the
/// entry bar's close on, and exit at the next open; exit signals count from the entry bar's close on;</item>
/// <item>quantities are fixed at the signal close (sizing and allocation from data up to it);</item>
/// <item>funding settles on the position held through a settlement bar (after that bar's open fills), at its close:
/// entered at that bar's open pays it, exit signalled at its close pays it, exit filled at its open does not;</item>
/// <item>spot shorts accrue borrow for every bar they are held through.</item>
/// </list>
/// </summary>
internal sealed class SymbolBook
{
    private readonly Strategy _strategy;
    private readonly EngineModels _models;
    private readonly TrailingLiquidity? _liquidity;
    private readonly double[] _open, _close, _fundingRate, _fundingInterval;
    private readonly long[] _ts;
    private readonly bool[] _entry;
    private readonly bool[]? _exit;
    private readonly double[]? _atr;
    private readonly double _direction;
    private readonly bool _perp, _spot, _fillNeedsLiquidity, _usesAtr;
    private readonly double _barYears;
    private readonly long _barMs;
    private readonly int _timeStop, _volatilityDays;
    private readonly double _stopLossAtr, _takeProfitAtr;
    private readonly List<Fill> _fills;
    private readonly List<Trade> _trades;

    // position and pending orders
    private double _qBefore;
    private double _prevClose;
    private bool _exitPending;
    private int _exitSignalBar;
    private ExitReason _exitReason;
    private Liquidity _exitLiquidity;
    private double _pendingUnits;
    private int _pendingSignalBar;
    private Liquidity _entryLiquidity;
    private bool _filledThisBar;
    private BarCosts _barCosts;

    // the open trade
    private int _tradeSignalBar, _tradeEntryBar, _timeStopBar = int.MaxValue;
    private double _tradeEntryRef, _tradeEntryPrice, _tradeFees, _tradeSpread, _tradeImpact, _tradeFunding, _tradeBorrow;
    private double _stopLevel = double.NaN, _takeProfitLevel = double.NaN;

    public SymbolBook(Strategy strategy, BarFrame bars, EngineModels models, BarLedger ledger, TrailingLiquidity? liquidity)
    {
        _strategy = strategy;
        _models = models;
        Ledger = ledger;
        _liquidity = liquidity;
        _open = bars.Open; _close = bars.Close; _ts = bars.Ts;
        _fundingRate = bars.FundingRate; _fundingInterval = bars.FundingIntervalHours;
        _entry = strategy.Entry; _exit = strategy.Exit; _atr = strategy.Atr;
        _direction = (int)strategy.Direction;
        _perp = strategy.Market == MarketKind.Perp;
        _spot = strategy.Market == MarketKind.Spot;
        _fillNeedsLiquidity = models.Fill.NeedsLiquidity;
        _usesAtr = strategy.ExitRules.UsesAtr;
        _barYears = bars.Timeframe.Minutes / (365.0 * 24 * 60);
        _barMs = bars.Timeframe.Milliseconds;
        _timeStop = strategy.ExitRules.TimeStopBars ?? -1;
        _stopLossAtr = strategy.ExitRules.StopLossAtr ?? double.NaN;
        _takeProfitAtr = strategy.ExitRules.TakeProfitAtr ?? double.NaN;
        _volatilityDays = strategy.Sizing is RiskBudgetSizing r ? r.VolatilityWindowDays : 0;
        _prevClose = bars.Count > 0 ? _open[0] : 0;
        // trades ≤ entry signals; bounded so a dense signal column with long holds does not reserve much
        var expectedTrades = Math.Min(_entry.AsSpan().Count(true), Math.Max(16, bars.Count / 32));
        _trades = new List<Trade>(expectedTrades);
        _fills = new List<Fill>(2 * expectedTrades);
        ledger.UseFills(_fills);
    }

    /// <summary>True when a run with this strategy and these models must measure liquidity.</summary>
    public static bool NeedsLiquidity(Strategy strategy, EngineModels models) =>
        models.Fill.NeedsLiquidity || strategy.Sizing is RiskBudgetSizing;

    public BarLedger Ledger { get; }

    /// <summary>Signed units held (after this bar's open fills).</summary>
    public double Position { get; private set; }

    /// <summary>Flat with no order pending: nothing can happen until an entry signal.</summary>
    public bool IsIdle => Position == 0 && _pendingUnits == 0 && !_exitPending;

    /// <summary>Entry signals that could not become positions.</summary>
    public int SkippedEntries { get; private set; }

    /// <summary>Gross notional this book keeps past the next open (0 when flat or exiting), at bar t's close.</summary>
    public double StayingExposure(int t) => _exitPending ? 0 : Math.Abs(Position) * _close[t];

    /// <summary>The costs of the bar last marked (what a portfolio adds to its total).</summary>
    public ref readonly BarCosts LastCosts => ref _barCosts;

    /// <summary>Executes the exit and/or entry ordered at the previous close, at bar t's open.</summary>
    public void FillAtOpen(int t)
    {
        _qBefore = Position;
        _filledThisBar = false;
        _barCosts = default;
        if (_exitPending) ExecuteExit(t);
        if (_pendingUnits != 0) ExecuteEntry(t);
    }

    /// <summary>Marks bar t at its close: price P&amp;L, funding, borrow; returns the bar's net change (identity order).</summary>
    public double MarkAtClose(int t)
    {
        var close = _close[t];
        var q = Position;
        double pricePnl;
        if (q == 0 && _qBefore == 0) pricePnl = 0; // flat all bar (avoids −0 from 0 × a falling price)
        else if (_filledThisBar) pricePnl = _qBefore * (_open[t] - _prevClose) + q * (close - _open[t]);
        else pricePnl = q * (close - _prevClose);
        Ledger.PricePnl[t] = pricePnl;
        Ledger.Position[t] = q;
        _prevClose = close;
        if (q != 0) AccrueCarry(t, q, close);
        if (_barCosts.Funding != 0 || _barCosts.Borrow != 0)
            Ledger.AddCosts(t, new BarCosts { Funding = _barCosts.Funding, Borrow = _barCosts.Borrow }); // fees, spread, impact live in the fill
        return _filledThisBar || _barCosts.Any ? BarLedger.Net(pricePnl, _barCosts) : pricePnl;
    }

    /// <summary>At bar t's close: issues the exit when a stop, the exit signal or the time stop fires.</summary>
    public void DecideExit(int t)
    {
        if (Position == 0 || _exitPending) return;
        if (ExitFires(t, _close[t], out var reason)) IssueExit(t, reason);
    }

    /// <summary>Holding with nothing pending: the next bars have no fills, only marks and exit checks.</summary>
    public bool IsHolding => Position != 0 && !_exitPending && _pendingUnits == 0;

    /// <summary>
    /// The dedicated loop for held bars (the bulk of a run's work): from bar <paramref name="t"/> marks each bar, adds it
    /// to <paramref name="equity"/> and its column, and checks exits at closes up to <paramref name="lastDecision"/>;
    /// stops after the bar whose close issues an exit. Same arithmetic as <see cref="MarkAtClose"/> + <see cref="DecideExit"/>
    /// on bars without fills. Returns the next bar to process.
    /// </summary>
    public int Hold(int t, int lastDecision, ref double equity, double[] equityColumn)
    {
        var q = Position;
        var prev = _prevClose;
        var close = _close;
        var pricePnlColumn = Ledger.PricePnl;
        var positionColumn = Ledger.Position;
        var fundingInterval = _fundingInterval;
        var carries = _perp || (_spot && q < 0);
        var n = close.Length;
        // the exit rules as locals: the loop stores to arrays, which keeps the JIT from hoisting field loads itself
        var isLong = _direction > 0;
        var stop = _stopLevel;
        var takeProfit = _takeProfitLevel;
        var exit = _exit;
        var timeStopBar = _timeStopBar;
        for (; t < n; t++)
        {
            var c = close[t];
            var pricePnl = q * (c - prev);
            prev = c;
            pricePnlColumn[t] = pricePnl;
            positionColumn[t] = q;
            if (carries && (_spot || fundingInterval[t] > 0))
            {
                _barCosts = default;
                AccrueCarry(t, q, c);
                if (_barCosts.Any)
                {
                    Ledger.AddCosts(t, _barCosts);
                    pricePnl = BarLedger.Net(pricePnl, _barCosts);
                }
            }
            equity += pricePnl;
            equityColumn[t] = equity;
            if (t > lastDecision) continue;
            // same rules, same order as ExitFires
            ExitReason reason;
            if (isLong ? c <= stop : c >= stop) reason = ExitReason.StopLoss;
            else if (isLong ? c >= takeProfit : c <= takeProfit) reason = ExitReason.TakeProfit;
            else if (exit is not null && exit[t]) reason = ExitReason.Signal;
            else if (t >= timeStopBar) reason = ExitReason.TimeStop;
            else continue;
            IssueExit(t, reason);
            t++;
            break;
        }
        _prevClose = prev;
        _barCosts = default;
        return t;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool ExitFires(int t, double close, out ExitReason reason)
    {
        if (_direction > 0 ? close <= _stopLevel : close >= _stopLevel) reason = ExitReason.StopLoss;
        else if (_direction > 0 ? close >= _takeProfitLevel : close <= _takeProfitLevel) reason = ExitReason.TakeProfit;
        else if (_exit is not null && _exit[t]) reason = ExitReason.Signal;
        else if (t >= _timeStopBar) reason = ExitReason.TimeStop;
        else
        {
            reason = default;
            return false;
        }
        return true;
    }

    private void IssueExit(int t, ExitReason reason)
    {
        _exitPending = true;
        _exitReason = reason;
        _exitSignalBar = t;
        if (_fillNeedsLiquidity) _exitLiquidity = _liquidity!.At(t, _models.LiquidityWindowDays);
    }

    /// <summary>Funding at a perp settlement bar and borrow on a spot short, on the position held through bar t.</summary>
    private void AccrueCarry(int t, double q, double close)
    {
        if (_perp && _fundingInterval[t] > 0)
        {
            var payment = _models.Funding.Payment(q, close, _fundingRate[t]);
            _barCosts.Funding = payment;
            _tradeFunding += payment;
        }
        if (_spot && q < 0)
        {
            var charge = _models.Borrow.Charge(q, close, _barYears);
            _barCosts.Borrow = charge;
            _tradeBorrow += charge;
        }
    }

    /// <summary>
    /// At bar t's close: true with the allocator's request when an entry signal can become an order (flat, nothing
    /// pending, stops and costs measurable); counts it as skipped when it cannot be sized.
    /// </summary>
    public bool TryRequestEntry(int t, out EntryRequest request)
    {
        request = default;
        if (!_entry[t] || Position != 0 || _exitPending || _pendingUnits != 0) return false;
        if (_usesAtr && !(_atr![t] > 0 && double.IsFinite(_atr[t]))) { SkippedEntries++; return false; }
        var maxNotional = double.PositiveInfinity;
        if (_fillNeedsLiquidity)
        {
            _entryLiquidity = _liquidity!.At(t, _models.LiquidityWindowDays);
            if (!_entryLiquidity.IsKnown || !(_entryLiquidity.DailyQuoteVolume > 0)) { SkippedEntries++; return false; }
            maxNotional = _models.Fill.MaxEntryNotional(_entryLiquidity);
        }
        else _entryLiquidity = new Liquidity(double.NaN, double.NaN, double.NaN);
        var volatility = _volatilityDays > 0 ? _liquidity!.DailyVolatility(t, _volatilityDays) : double.NaN;
        request = new EntryRequest(_strategy.Sizing, _close[t], volatility, maxNotional);
        return true;
    }

    /// <summary>Places the entry the allocator granted (unsigned units; zero or invalid = skipped), to fill at the next open.</summary>
    public void PlaceEntry(int t, double units)
    {
        if (!(units > 0) || !double.IsFinite(units)) { SkippedEntries++; return; }
        _pendingUnits = _direction * units;
        _pendingSignalBar = t;
    }

    /// <summary>The result after the last bar: closed trades, and the open one marked at the last close.</summary>
    public ResearchResult Finish()
    {
        Trade? open = null;
        var n = Ledger.Count;
        if (Position != 0)
        {
            var mark = _close[n - 1];
            open = new Trade(_strategy.Direction, _tradeSignalBar, _tradeEntryBar, _ts[_tradeEntryBar] - _barMs,
                _tradeEntryRef, _tradeEntryPrice, -1, n - 1, _ts[n - 1], mark, double.NaN, Position,
                Position * (mark - _tradeEntryRef), _tradeFees, _tradeSpread, _tradeImpact, _tradeFunding, _tradeBorrow, ExitReason.Open);
        }
        return new ResearchResult(_strategy.Id, _strategy.Symbol, Ledger, _fills, _trades, open, SkippedEntries);
    }

    private void ExecuteEntry(int t)
    {
        var units = _pendingUnits;
        var reference = _open[t];
        var quote = _models.Fill.Quote(_strategy.Symbol, units, reference, _entryLiquidity);
        var fee = _models.Fee.Fee(Math.Abs(units) * quote.Price, isMaker: false);
        Charge(fee, quote);
        _fills.Add(new Fill(t, _ts[t] - _barMs, units, reference, quote.Price, fee, quote.SpreadCost, quote.ImpactCost, IsEntry: true));
        Position = units;
        _pendingUnits = 0;
        _filledThisBar = true;
        _tradeSignalBar = _pendingSignalBar;
        _tradeEntryBar = t;
        _tradeEntryRef = reference;
        _tradeEntryPrice = quote.Price;
        _tradeFees = fee; _tradeSpread = quote.SpreadCost; _tradeImpact = quote.ImpactCost;
        _tradeFunding = 0; _tradeBorrow = 0;
        _timeStopBar = _timeStop > 0 ? _pendingSignalBar + _timeStop : int.MaxValue;
        if (_usesAtr)
        {
            var atr = _atr![_pendingSignalBar];
            _stopLevel = reference - _direction * _stopLossAtr * atr;
            _takeProfitLevel = reference + _direction * _takeProfitAtr * atr;
        }
    }

    private void ExecuteExit(int t)
    {
        var quantity = -Position;
        var reference = _open[t];
        var quote = _models.Fill.Quote(_strategy.Symbol, quantity, reference, _exitLiquidity);
        if (!double.IsFinite(quote.Price) || !double.IsFinite(quote.ImpactCost))
            throw new StrategyException(_strategy.Id, $"the exit at bar {t} (ts {_ts[t]}) cannot be priced: the trailing liquidity at its signal bar {_exitSignalBar} is unknown or zero");
        var fee = _models.Fee.Fee(Math.Abs(quantity) * quote.Price, isMaker: false);
        Charge(fee, quote);
        _fills.Add(new Fill(t, _ts[t] - _barMs, quantity, reference, quote.Price, fee, quote.SpreadCost, quote.ImpactCost, IsEntry: false));
        _trades.Add(new Trade(_strategy.Direction, _tradeSignalBar, _tradeEntryBar, _ts[_tradeEntryBar] - _barMs,
            _tradeEntryRef, _tradeEntryPrice, _exitSignalBar, t, _ts[t] - _barMs, reference, quote.Price, Position,
            Position * (reference - _tradeEntryRef), _tradeFees + fee, _tradeSpread + quote.SpreadCost, _tradeImpact + quote.ImpactCost,
            _tradeFunding, _tradeBorrow, _exitReason));
        Position = 0;
        _exitPending = false;
        _filledThisBar = true;
        _stopLevel = _takeProfitLevel = double.NaN;
        _timeStopBar = int.MaxValue;
    }

    private void Charge(double fee, in FillQuote quote)
    {
        _barCosts.Fees += fee;
        _barCosts.Spread += quote.SpreadCost;
        _barCosts.Impact += quote.ImpactCost;
    }
}
