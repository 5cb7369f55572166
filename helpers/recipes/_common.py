"""Small steps every recipe shares (open the raw table, the province table, text columns)."""

from __future__ import annotations

import pandas as pd

from .. import data as _data


def _raw(raw, name: str) -> pd.DataFrame:
    return _data.load(name) if raw is None else raw.copy()


def _provinces() -> pd.DataFrame:
    return _data.load("provinces")[["province_code", "name_th", "region_6"]]


def _text_columns(frame: pd.DataFrame) -> list:
    return [
        c
        for c in frame.columns
        if pd.api.types.is_object_dtype(frame[c].dtype) or pd.api.types.is_string_dtype(frame[c].dtype)
    ]


def _region_of(codes: pd.Series) -> pd.Series:
    """Six-region name for each province code (missing where the code is missing)."""
    return codes.map(_provinces().set_index("province_code")["region_6"])


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as pandas' string dtype, as ``data.load`` reads them back from the checkpoint CSV."""
    for col in frame.columns:
        values = frame[col]
        if values.dtype == object and values.dropna().map(type).eq(str).all():
            frame[col] = values.astype("str")
    return frame
