"""Property-based fuzzing, bounded to seconds in CI: reading, process() and the claim extractor
never raise on generated hostile input, and storing what they give never fails a batch.
bench/fuzz.py runs the same properties for as long as it is asked to."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.services.store import Store
from fuzzing import any_file, check_extractor, check_file, check_process, documents_text

EXAMPLES = int(os.environ.get("ACCORD_FUZZ_EXAMPLES", "25"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
LANGS = st.sampled_from([None, "en", "ru", "fa", "ar", "de"])


def test_reading_processing_and_storing_generated_files():
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "fuzz.sqlite")

        @BOUNDED
        @given(any_file())
        def run(file):
            check_file(*file, Path(folder), store)

        try:
            run()
        finally:
            store.close()


@BOUNDED
@given(documents_text(), LANGS)
def test_the_claim_extractor_on_generated_text(text, lang):
    check_extractor(text, lang)


@BOUNDED
@given(documents_text(), LANGS, st.booleans())
def test_process_on_generated_documents(text, lang, is_html):
    check_process(text, lang, is_html)
