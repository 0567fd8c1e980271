"""Every acronym the five sources define, read off the texts by hand (not by running the
extractor), must be in the glossary with that definition: as its expansion, or, where the
curated file corrects or settles it, shown as what the text wrote."""
from __future__ import annotations

import unicodedata

import pytest
from helpers import ROOT

from policydocs.pages import corpus
from policydocs.site import glossary

# acronym -> language -> the definition the text gives
DEFINED_IN_TEXTS = {
    "CEPA": {"ja": "包括的経済連携協定", "en": "Comprehensive Economic Partnership Agreement"},
    "DFFT": {"ja": "信頼性のある自由なデータ流通"},
    "OECD": {"ja": "経済協力開発機構", "en": "Organisation for Economic Cooperation and Development"},
    "GDS": {"ja": "政府デジタル・サービス", "en": "Government Digital Service"},
    "ICANN": {"en": "Internet Corporation for Assigned Names and Numbers"},
    "GAC": {"ja": "政府諮問委員会", "en": "Government Advisory Committee"},
    "IGF": {"ja": "インターネット・ガバナンス・フォーラム", "en": "Internet Governance Forum"},
    "WSIS": {"ja": "世界情報社会サミット", "en": "World Summit on the Information Society"},
    "PETs": {"en": "Privacy Enhancing Technologies"},
    "GPAI": {"en": "Global Partnership on AI"},
    "IoT": {"en": "Internet of Things"},
    "DDE": {"ja": "デジタルエコノミーに関する日米対話"},
    "AI": {"ja": "人工知能"},
    "ICT": {"ja": "情報通信技術"},
    "vRAN": {"ja": "仮想無線アクセスネットワーク"},
    "GDCP": {"ja": "グローバル・デジタル連結性パートナーシップ"},
    "CBPR": {"ja": "越境プライバシールール"},
    "PRP": {"ja": "処理者向けプライバシー認証"},
    "ITU": {"ja": "国際電気通信連合", "en": "International Telecommunication Union"},
    "CAI": {"ja": "AIに関する委員会"},
    "APEC": {"ja": "アジア太平洋経済協力", "en": "Asia-Pacific Economic Cooperation"},
    "IPEF": {"ja": "インド太平洋経済枠組み"},
    "GCOT": {"ja": "電気通信に関するグローバル連合"},
    "gTLD": {"ja": "分野別トップレベルドメイン"},
    "IED": {"ja": "インターネットエコノミーに関する日米政策協力対話"},
    "JICT": {"ja": "海外通信・放送・郵便事業支援機構"},
    "FOIP": {"ja": "自由で開かれたインド太平洋"},
    "JBIC": {"ja": "国際協力銀行"},
    "ODA": {"ja": "無償資金協力"},
    "AEC": {"ja": "ASEAN 経済共同体"},
    "SDGs": {"ja": "持続可能な開発目標"},
    "TICAD7": {"ja": "第7回アフリカ開発会議"},
    "WCIT-12": {"ja": "世界国際電気通信会議"},
    "ITR": {"ja": "国際電気通信規則"},
    "PP-18": {"ja": "ITU全権委員会議"},
    "WTO": {"ja": "世界貿易機関", "en": "World Trade Organization"},
    "EPA": {"ja": "経済連携協定", "en": "Economic Partnership Agreement"},
    "FTA": {"ja": "自由貿易協定", "en": "Free Trade Agreement"},
    "TPP11": {"ja": "環太平洋パートナーシップに関する包括的及び先進的な協定",
              "en": "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"},
    "RCEP": {"ja": "東アジア地域包括的経済連携"},
    "SG": {"ja": "研究委員会", "en": "Study Group"},
    "5G": {"ja": "第5世代移動通信システム"},
    "TEL": {"ja": "電気通信・情報作業部会", "en": "Telecommunications and Information Working Group"},
    "TELMIN": {"ja": "電気通信・情報産業大臣会合",
               "en": "Ministerial Meeting on Telecommunications and Information Industry"},
    "APT": {"ja": "アジア・太平洋電気通信共同体", "en": "Asia-Pacific Telecommunity"},
    "ASEAN": {"ja": "東南アジア諸国連合", "en": "Association of South - East Asian Nations"},
    "AJCCBC": {"ja": "日ASEANサイバーセキュリティ能力構築センター",
               "en": "ASEAN Japan Cybersecurity Capacity Building Centre"},
    "CYDER": {"ja": "実践的サイバー防御演習"},
    "UN": {"ja": "国際連合"},
    "ITU-R": {"ja": "無線通信部門", "en": "ITU Radiocommunication Sector"},
    "ITU-T": {"ja": "電気通信標準化部門", "en": "ITU Telecommunication Standardization Sector"},
    "ITU-D": {"ja": "電気通信開発部門", "en": "ITU Telecommunication Development Sector"},
    "RRB": {"ja": "無線通信規則委員会"},
    "RA": {"ja": "無線通信総会", "en": "Radiocommunication Assembly"},
    "WRC": {"ja": "世界無線通信会議", "en": "World Radiocommunication Conferences"},
    "RA-19": {"ja": "無線通信総会"},
    "WRC-19": {"ja": "世界無線通信会議"},
    "IMT": {"ja": "国際的な移動通信", "en": "International Mobile Telecommunication"},
    "WTSA": {"ja": "世界電気通信標準化総会", "en": "World Telecommunication Standardization Assembly"},
    "TSAG": {"ja": "電気通信標準化アドバイザーグループ",
             "en": "Telecommunication Standardization Advisory Group"},
    "SG13": {"ja": "第13研究委員会"},
    "SG17": {"ja": "第17研究委員会"},
    "SG4": {"ja": "衛星業務"}, "SG5": {"ja": "地上業務"}, "SG6": {"ja": "放送業務"},
    "QKD": {"ja": "量子鍵配送", "en": "Quantum Key Distribution"},
    "NICT": {"ja": "情報通信研究機構"},
    "FG": {"ja": "フォーカスグループ"},
    "AI4EE": {"ja": "AI新技術の環境性能効率化"},
    "QIT4N": {"ja": "量子情報通信網"},
    "AI4AD": {"ja": "自動運転用AI"},
    "WTDC": {"ja": "世界電気通信開発会議", "en": "World Telecommunication Development Conference"},
    "GGE": {"ja": "政府専門家会合", "en": "Group of Governmental Experts"},
    "OEWG": {"ja": "オープン・エンド作業部会", "en": "Open-Ended Working Group"},
    "ECOSOC": {"ja": "経済社会理事会", "en": "Economic and Social Council"},
    "CSTD": {"ja": "開発のための科学技術委員会",
             "en": "Commission on Science and Technology for Development"},
    "WGEC": {"ja": "協力強化に関するワーキンググループ", "en": "Working Group on Enhanced Cooperation"},
    "TPRM": {"ja": "貿易政策検討制度"},
    "TiSA": {"ja": "新サービス貿易協定", "en": "Trade in Services Agreement"},
    "CDEP": {"ja": "デジタル経済政策委員会", "en": "Committee on Digital Economy Policy"},
    "JPNIC": {"ja": "日本ネットワークインフォメーションセンター"},
    "IANA": {"en": "Internet Assigned Numbers Authority"},
    "GDPR": {"ja": "一般データ保護規則"},
    "ACCJ": {"ja": "在日米商工会議所"},
    "JUSDEP": {"ja": "日米戦略デジタル・エコノミーパートナーシップ"},
    "EU": {"ja": "欧州連合"},
    "MPT": {"ja": "国営電気通信事業体"},
}
# Defined by the texts, but names of companies: excluded by the curated file on purpose.
COMPANIES = {"NEC", "NHK"}


@pytest.fixture(scope="module")
def built() -> glossary.Glossary:
    return glossary.build(corpus.scan(ROOT / "docs"),
                          glossary.load_curated(ROOT / "data" / "glossary.yml"))


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("-", "").casefold()


@pytest.mark.parametrize("acronym", sorted(DEFINED_IN_TEXTS))
def test_every_defined_acronym_is_in_the_glossary_with_its_definition(built, acronym: str) -> None:
    term = built.terms[acronym]
    for lang, definition in DEFINED_IN_TEXTS[acronym].items():
        written = {norm(text) for l, text, _ in term.definitions if l == lang}
        shown = norm(term.expansions[lang])
        assert norm(definition) == shown or (term.curated[lang] and norm(definition) in written), \
            (acronym, lang, term.expansions.get(lang), written)


def test_the_real_site_has_no_glossary_problems_and_no_stray_terms(built) -> None:
    assert built.problems == []
    curated = glossary.load_curated(ROOT / "data" / "glossary.yml")
    assert set(built.terms) == set(DEFINED_IN_TEXTS) | set(curated.terms)
    assert COMPANIES <= set(curated.exclude) and not COMPANIES & set(built.terms)
