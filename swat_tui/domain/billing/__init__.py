"""SAC facturación: the monthly rent and its parts, discount campaigns, extra charges
and the last invoice Paradigma sent (resend it, change how invoices are delivered).

Pure rules (``rent``, ``campaigns``, ``charges``) take plain values and data files
under ``data/``; ``paradigma`` and ``access`` read and write the store inside the
transaction the desk's intent owns.
"""
