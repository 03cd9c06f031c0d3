"""An account's 3Play services and the equipment installed for them.

Fibra accounts get fibra plans and TV; HFC accounts never get a plan whose
name says Fibra. Each internet service has a modem (sometimes a retired one
before it); each TV service has 1-4 decoders, with a smart card for the
technologies that use one. Serials are unique per model style.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from swat_tui.store.demo import plant as plant_cases
from swat_tui.store.demo.batch import Batch
from swat_tui.store.demo.draws import Draws, Weighted, weighted
from swat_tui.store.demo.plant import PlantFacts
from swat_tui.store.demo.unique_numbers import Scrambled
from swat_tui.store.demo.vocabulary import EquipmentModel, Plan, Vocabulary
from swat_tui.store.enums import AccountStatus, EquipmentStatus, TvTechnology

SERVICE_STATUS = {
    AccountStatus.ACTIVA.value: "ACTIVO",
    AccountStatus.CANCELADO_DEBE.value: "SUSPENDIDO",
    AccountStatus.CANCELADO_CREDITO.value: "SUSPENDIDO",
    AccountStatus.CANCELADO.value: "CANCELADO",
    AccountStatus.CARTERA_CASTIGADA.value: "CANCELADO",
}
HFC_TV = (
    (TvTechnology.DVB.value, 45),
    (TvTechnology.ATSC.value, 20),
    (TvTechnology.NAGRA.value, 15),
    (TvTechnology.TVBOX.value, 20),
)
FIBRA_TV = ((TvTechnology.FIBRA.value, 80), (TvTechnology.TVBOX.value, 20))
SMART_CARD_TV = (TvTechnology.DVB.value, TvTechnology.NAGRA.value)
DECODER_COUNTS = ((1, 55), (2, 30), (3, 12), (4, 3))


class Services:
    """Adds an account's service rows and equipment rows; knows the plan catalogue."""

    def __init__(self, vocabulary: Vocabulary, draws: Draws, *, today_ord: int) -> None:
        self._r, self._pick = draws.random, draws.pick
        self._plant = draws.plant
        self._today_ord = today_ord
        self._hfc_tv = weighted(HFC_TV)
        self._fibra_tv = weighted(FIBRA_TV)
        self._decoder_counts = weighted(DECODER_COUNTS)
        self._decoder_rent = vocabulary.equipment_rent.get("decoder", (1, 0))
        self._plans: dict[str, Weighted[Plan]] = {}  # kind, or kind + "-hfc"
        for kind in ("internet", "tv", "voz"):
            plans = [p for p in vocabulary.plans if p.kind == kind]
            self._plans[kind] = weighted([(p, p.weight) for p in plans])
            hfc = [p for p in plans if "Fibra" not in p.name] or plans
            self._plans[kind + "-hfc"] = weighted([(p, p.weight) for p in hfc])
        self._models: dict[tuple[str, str], Weighted[EquipmentModel]] = {}
        for m in vocabulary.equipment_models:
            key = (m.kind, m.technology)
            group = [x for x in vocabulary.equipment_models if (x.kind, x.technology) == key]
            self._models[key] = weighted([(x, x.weight) for x in group])
        self._serials_hex = Scrambled(0, 1 << 32, draws.rng)
        self._serials_digits = Scrambled(0, 10_000_000_000, draws.rng)

    def add(
        self,
        out: Batch,
        cuenta: int,
        status: str,
        kinds: Sequence[str],
        fibra: bool,
        technology: str | None,
        activated: int,
        *,
        plant: PlantFacts | None = None,
    ) -> int:
        """The services of ``kinds`` and their equipment; returns the monthly rent.

        ``plant``: a showcase account's forced plant conditions (None: a random
        account, whose devices draw theirs)."""
        r = self._r
        service_status = SERVICE_STATUS[status]
        equipment_status = (
            EquipmentStatus.RETIRADO.value
            if status == AccountStatus.CANCELADO
            else EquipmentStatus.INSTALADO.value
        )
        rent = 0
        for kind in kinds:
            since = activated
            if kind != kinds[0] and r() < 0.3:
                since += int(r() * (self._today_ord - activated))
            plan = self._pick(self._plans[kind if fibra else kind + "-hfc"])
            tv = None
            if kind == "tv":
                tv = technology or self._pick(self._fibra_tv if fibra else self._hfc_tv)
            rent += plan.price
            out.service.append(
                {
                    "cuenta": cuenta,
                    "kind": kind,
                    "plan_code": plan.code,
                    "plan_name": plan.name,
                    "tv_technology": tv,
                    "status": service_status,
                    "activated_on": date.fromordinal(since),
                    "provisioned": self._provisioned(kind, plant),
                }
            )
            if kind == "internet":
                network = "FIBRA" if fibra else "HFC"
                installed = since
                if r() < 0.06:  # the first modem was replaced
                    self._device(
                        out, cuenta, "modem", network, EquipmentStatus.RETIRADO.value, since
                    )
                    installed += int(r() * (self._today_ord - since))
                serial = self._device(out, cuenta, "modem", network, equipment_status, installed)
                if equipment_status == EquipmentStatus.INSTALADO.value:
                    self._condition(out, cuenta, serial, "modem", plant)
            elif tv is not None:
                decoders = self._pick(self._decoder_counts)
                if equipment_status == EquipmentStatus.INSTALADO.value:
                    included, each = self._decoder_rent
                    rent += max(0, decoders - included) * each  # billed like SAC021 shows it
                for index in range(decoders):
                    serial = self._device(out, cuenta, "decoder", tv, equipment_status, since)
                    if index == 0 and equipment_status == EquipmentStatus.INSTALADO.value:
                        self._condition(out, cuenta, serial, "decoder", plant)
                    if tv in SMART_CARD_TV:
                        self._device(out, cuenta, "smart_card", tv, equipment_status, since)
        return rent

    def _provisioned(self, kind: str, plant: PlantFacts | None) -> bool:
        if plant is not None:
            return plant.unprovisioned != kind
        return self._plant.random() >= plant_cases.UNPROVISIONED_SHARE

    def _condition(
        self, out: Batch, cuenta: int, serial: str, kind: str, plant: PlantFacts | None
    ) -> None:
        """The device's plant condition: forced for a showcase account, else drawn."""
        if plant is not None:
            row = plant_cases.forced(cuenta, serial, plant, kind=kind)
        elif kind == "modem":
            row = plant_cases.drawn_modem(self._plant, cuenta, serial)
        else:
            row = plant_cases.drawn_decoder(self._plant, cuenta, serial)
        if row is not None:
            out.plant_condition.append(row)

    def _device(
        self, out: Batch, cuenta: int, kind: str, technology: str, status: str, installed: int
    ) -> str:
        model = self._pick(self._models[(kind, technology)])
        if model.serial_style == "digits":
            serial = f"{model.serial_prefix}{self._serials_digits.next():010d}"
        else:
            serial = f"{model.serial_prefix}{self._serials_hex.next():08X}"
        out.equipment.append(
            {
                "cuenta": cuenta,
                "kind": kind,
                "serial": serial,
                "model": model.model,
                "status": status,
                "installed_on": date.fromordinal(installed),
            }
        )
        return serial


__all__ = ["Services"]
