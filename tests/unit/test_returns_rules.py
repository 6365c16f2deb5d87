"""Return values and approvals (pos/domain/returns.py): parts of a line add up to exactly what was paid."""

from __future__ import annotations

import pytest

from pos.domain.returns import ApprovalPolicy, ReturnError, value_of_return


@pytest.mark.parametrize(("total", "sold", "steps", "values"), [
    (1000, 3000, [1000, 2000], [333, 667]),
    (1000, 3000, [1000, 1000, 1000], [333, 334, 333]),
    (999, 2000, [1000, 1000], [500, 499]),
    (5, 3000, [1000, 1000, 1000], [2, 1, 2]),
    (1234, 350, [350], [1234]),  # a weighed line returned whole
    (0, 1000, [1000], [0]),
])
def test_parts_of_a_line_add_up_to_its_total(total: int, sold: int, steps: list[int], values: list[int]) -> None:
    before, got = 0, []
    for qty in steps:
        got.append(value_of_return(total, sold, before, qty))
        before += qty
    assert got == values and sum(got) == total


def test_more_than_is_left_is_refused() -> None:
    with pytest.raises(ReturnError) as err:
        value_of_return(1000, 2000, 1000, 2000)
    assert err.value.reason == "too_many" and err.value.params["returnable"] == 1000
    with pytest.raises(ReturnError):
        value_of_return(1000, 2000, 0, 0)


def test_approval_reasons() -> None:
    policy = ApprovalPolicy(threshold_minor=5000, max_days=30)
    assert policy.reasons(total_minor=5000, has_receipt=True, route="cash", paid_by_card=False, age_days=30) == ()
    assert policy.reasons(total_minor=5001, has_receipt=False, route="cash", paid_by_card=True, age_days=31) == (
        "above_threshold", "no_receipt", "cash_for_card", "late")
    assert policy.reasons(total_minor=100, has_receipt=True, route="card", paid_by_card=True, age_days=1) == ()
