"""The access-log actions of an account's billing views (RR's names): every view is
logged in the intent's transaction, through ``DeskContext.gated_account`` (``tx.account``)."""

RENT = "RENTA"
CAMPAIGNS = "CAMPANAS"
CHARGES = "CARGOS"
PARADIGMA = "PARADIGMA"
