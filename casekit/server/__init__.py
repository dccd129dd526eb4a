"""casekit's server: standalone Voilà with casekit's guards (host checks, private secrets and sockets, a bound
on kernels, throttled logins, a lifeline to ``casekit serve``). ``casekit.serve`` starts it; this package runs
inside it. It imports Voilà and tornado, so nothing in the domain imports it."""
