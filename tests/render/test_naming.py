from generator.ir.naming import identifier, pascal_case, snake_case, unique, words


def test_words_split_every_case_style() -> None:
    assert words("placeOrder") == ["place", "order"]
    assert words("PlaceOrder") == ["place", "order"]
    assert words("place_order") == ["place", "order"]
    assert words("cancel-symbol-order") == ["cancel", "symbol", "order"]
    assert words("getHTTPStatus") == ["get", "http", "status"]
    assert words("X-API-KEY") == ["x", "api", "key"]


def test_snake_case_makes_identifiers() -> None:
    assert snake_case("clientOid") == "client_oid"
    assert snake_case("from") == "from_"
    assert snake_case("24hrTicker") == "_24hr_ticker"
    assert snake_case("---") == "value"


def test_pascal_case() -> None:
    assert pascal_case("place_order") == "PlaceOrder"
    assert pascal_case("order-info") == "OrderInfo"
    assert pascal_case("class") == "Class"


def test_identifier_escapes_keywords() -> None:
    assert identifier("class") == "class_"
    assert identifier("match") == "match_"
    assert identifier("1x") == "_1x"


def test_unique_numbers_repeats() -> None:
    taken: set[str] = {"Order"}
    assert unique("Order", taken) == "Order2"
    assert unique("Order", taken) == "Order3"
    assert unique("Fill", taken) == "Fill"
    assert taken == {"Order", "Order2", "Order3", "Fill"}
