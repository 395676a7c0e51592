"""Emails: an ``.eml`` file or pasted text with a mail's headers is read as the message its writer sent."""

from __future__ import annotations

import json
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.discover import discover
from summarize.errors import InputError
from summarize.text.inputs import read_path, to_document
from summarize.text.kinds import text_kind
from summarize.text.mail import is_mail
from tests.localserver import LocalServer, serve

BODY = (
    "Hi all,\n\n"
    "The move of our servers to the new data centre in Rotterdam, planned for 12 December, is postponed\n"
    "to 16 January. The power supplier could not finish the second feed in time.\n\n"
    "We will run a full rehearsal on 8 January with the network team. If you own a service that needs a\n"
    "manual step during the move, please add it to the runbook by 20 December.\n\n"
    "On Mon, 30 Nov 2026, Tom Hale wrote:\n> Is the move still on for the 12th? The new racks arrived on Friday.\n\n"
    "Thanks,\nMaria\n\n-- \nMaria Lopez\nHead of Infrastructure, Example Org\n+31 10 555 0100\n"
)
HEADERS = (
    "From: Maria Lopez <maria.lopez@example.org>\nTo: Operations <ops@example.org>\n"
    "Date: Tue, 1 Dec 2026 09:14:02 +0100\nSubject: Data centre move postponed to January\n\n"
)


def _message(plain: str | None = BODY, html: str | None = None, charset: str = "utf-8") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Maria Lopez <maria.lopez@example.org>"
    message["To"] = "ops@example.org"
    message["Date"] = "Tue, 1 Dec 2026 09:14:02 +0100"
    message["Subject"] = "Data centre move postponed to January"
    if plain is not None:
        message.set_content(plain, charset=charset, cte="quoted-printable")
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def test_an_eml_file_is_the_message_its_writer_sent(tmp_path: Path) -> None:
    # Its parts decoded (quoted-printable, Latin-1), its subject the title, its sender the author, its date
    # in UTC; the signature under "-- " and the quoted earlier message with its "wrote:" line left out.
    path = tmp_path / "move.eml"
    path.write_bytes(_message(BODY.replace("Rotterdam", "Rotterdam-Zuid (Maasvlakte)"), charset="latin-1").as_bytes())
    doc = read_path(path)
    assert (doc.title, doc.author, doc.published) == (
        "Data centre move postponed to January",
        "Maria Lopez",
        "2026-12-01T08:14:02Z",
    )
    text = " ".join(doc.text.split())
    assert "Rotterdam-Zuid (Maasvlakte), planned for 12 December, is postponed to 16 January." in text
    for gone in ("From:", "Subject:", "wrote:", "new racks", "Head of Infrastructure", "+31"):
        assert gone not in doc.text, gone


def test_pasted_mail_text_is_told_by_its_headers() -> None:
    assert text_kind(HEADERS + BODY) == "email" and is_mail("From alice@example.org Tue Dec  1\n" + HEADERS + BODY)
    assert not is_mail("From: the editor\n\nA letter to our readers about the budget.")  # no subject, no date
    assert not is_mail("Subject: budget\nThe council met on Monday.\n\nMore text.")  # prose in the block
    doc = to_document(HEADERS + BODY, "<stdin>")
    assert doc.title == "Data centre move postponed to January" and "To:" not in doc.text


def test_a_mails_requests_are_its_news_on_the_command_line(tmp_path: Path) -> None:
    # Read as plain text, its headers opened the summary and its signature was a key point; and a
    # newsletter's rule for calls to action took the request and the sentence beside it.
    path = tmp_path / "move.txt"
    path.write_text(HEADERS + BODY, encoding="utf-8")
    res = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", str(path)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert (out["title"], out["author"], out["published"]) == (
        "Data centre move postponed to January",
        "Maria Lopez",
        "2026-12-01T08:14:02Z",
    )
    assert out["summary"].startswith("The move of our servers to the new data centre in Rotterdam")
    shown = [out["summary"], *out["key_points"]]
    assert "We will run a full rehearsal on 8 January with the network team." in out["summary"]
    assert (
        "If you own a service that needs a manual step during the move, please add it to the runbook by 20 December."
        in out["key_points"]
    )
    assert not any(gone in part for part in shown for gone in ("Maria Lopez", "+31", "From:", "racks"))


def test_an_html_only_mail_is_read_as_a_page(tmp_path: Path) -> None:
    html = (
        "<html><body><h1>Weekly news</h1><p>The council approved the new library budget on Monday night after"
        " a long debate about its cost.</p><p>The library will open in two years with a hall for events.</p>"
        "</body></html>"
    )
    path = tmp_path / "news.eml"
    path.write_bytes(_message(None, html).as_bytes())
    doc = read_path(path)
    assert doc.title == "Data centre move postponed to January" and "<p>" not in doc.text
    assert "The council approved the new library budget on Monday night" in doc.text
    both = tmp_path / "both.eml"  # the plain part, when there is one, is what the sender wrote for every reader
    both.write_bytes(_message(BODY, html).as_bytes())
    assert "Rotterdam" in read_path(both).text and "library" not in read_path(both).text


@pytest.mark.parametrize("attach", [True, False])
def test_a_mail_with_no_text_is_a_one_line_error(tmp_path: Path, attach: bool) -> None:
    message = _message(None)
    if attach:
        message.add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf", filename="report.pdf")
    path = tmp_path / "empty.eml"
    path.write_bytes(message.as_bytes())
    with pytest.raises(InputError, match="is an email with no text to read"):
        read_path(path)
    res = CliRunner().invoke(cli, ["--engine", "extractive", str(path)])
    assert res.exit_code == 1 and res.stderr.strip().splitlines() == [
        f"summarize: error: {path}: is an email with no text to read (only attachments, or a damaged message)"
        " (save the message's text, or the attachment, and pass that file)"
    ]


def test_folders_are_searched_for_eml_files(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(_message().as_bytes())
    (tmp_path / "b.bin").write_bytes(b"\x00")
    assert [item.relative.as_posix() for item in discover([str(tmp_path)])] == ["a.eml"]


def test_a_mail_fetched_from_a_url_is_read_as_one(tmp_path: Path) -> None:
    # message/rfc822 by its type; a raw-file host's text/plain by the address's ".eml".
    server: LocalServer
    with serve() as server:
        server.add("/mail", _message(charset="latin-1").as_bytes(), "message/rfc822")
        server.add("/raw/move.eml", _message().as_bytes(), "text/plain; charset=utf-8")
        for route in ("/mail", "/raw/move.eml"):
            res = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", "--points", "0", server.url(route)])
            assert res.exit_code == 0, res.output
            out = json.loads(res.stdout)
            assert (out["title"], out["author"]) == ("Data centre move postponed to January", "Maria Lopez"), route
            assert out["summary"].startswith("The move of our servers") and "Head of" not in out["summary"]


def test_a_pasted_mail_in_utf8_without_mime_headers_keeps_its_letters() -> None:
    # The standard reads a part that names no charset as ASCII: "reunión" had read "reuni��n", and on
    # standard input the run had ended in an internal error.
    text = (
        "From: José Núñez <jose@example.es>\nSubject: Reunión aplazada al martes\n"
        "Date: Mon, 30 Nov 2026 10:00:00 +0100\n\n"
        "La reunión del comité de presupuestos, prevista para el lunes 7 de diciembre, se aplaza al martes 8.\n"
    )
    res = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", "--points", "0"], input=text.encode())
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert (out["title"], out["author"]) == ("Reunión aplazada al martes", "José Núñez")
    assert out["summary"].startswith("La reunión del comité de presupuestos") and "\ufffd" not in out["summary"]


def _forward(subject: str, note: str) -> EmailMessage:
    forward = EmailMessage()
    forward["From"] = "Sam Reed <sam@example.net>"
    forward["Date"] = "Wed, 2 Dec 2026 18:00:00 +0000"
    forward["Subject"] = subject
    forward.set_content(note)
    return forward


def test_a_forwarded_message_is_the_forwards_news(tmp_path: Path) -> None:
    # Attached as a message: it had been left out, and "FYI, see below." was all the text there was.
    attached = _forward("Fwd: Data centre move postponed to January", "FYI, see below. This affects our team.\n")
    attached.add_attachment(_message())
    # Written into the text under Gmail's line and a header block: the block had opened the summary.
    inline = _forward(
        "Fwd: Data centre move postponed to January",
        "FYI, see below. This affects our team.\n\n---------- Forwarded message ---------\n"
        "From: Maria Lopez <maria.lopez@example.org>\nDate: Tue, 1 Dec 2026 09:14:02 +0100\n"
        "Subject: Data centre move postponed to January\nTo: <ops@example.org>\n\n" + BODY,
    )
    for name, message in (("attached.eml", attached), ("inline.eml", inline)):
        path = tmp_path / name
        path.write_bytes(message.as_bytes())
        doc = read_path(path)
        assert (doc.title, doc.author, doc.published) == (
            "Data centre move postponed to January",
            "Maria Lopez",
            "2026-12-01T08:14:02Z",
        ), name
        text = " ".join(doc.text.split())
        assert "This affects our team." in text and "is postponed to 16 January." in text, name
        assert text.index("This affects our team.") < text.index("is postponed"), name
        for gone in ("From:", "Forwarded message", "ops@example.org", "new racks", "+31"):
            assert gone not in doc.text, (name, gone)
    # A forward with no note of its own is the forwarded message alone.
    bare = EmailMessage()
    bare["From"], bare["Subject"] = "sam@example.net", "Fwd: move"
    bare.make_mixed()
    bare.attach(_as_attachment(_message()))
    (tmp_path / "bare.eml").write_bytes(bare.as_bytes())
    assert "is postponed" in read_path(tmp_path / "bare.eml").text


def _as_attachment(message: EmailMessage) -> EmailMessage:
    part = EmailMessage()
    part.set_content(message)
    return part


def test_a_replys_copy_of_the_earlier_message_is_left_out_and_a_forwards_kept() -> None:
    # Outlook writes the same line above a reply's copy and a forward's (its "Original Message" line, or a
    # rule of underscores over the header block); the subject tells them apart.
    block = (
        "From: Tom Hale <tom@example.org>\nSent: Monday, 30 Nov 2026 10:00\n"
        "Subject: move\n\nIs the move still on for the 12th? The new racks arrived on Friday.\n"
    )
    note = "Yes, the move is now planned for 16 January, after the rehearsal on 8 January.\n\n"
    cases = [
        (line + block, subject, kept)
        for line in ("-----Original Message-----\n", "_" * 32 + "\n")
        for subject, kept in (("RE: move", False), ("FW: move", True))
    ]
    for copied, subject, kept in cases:
        pasted = f"From: Maria Lopez <maria@example.org>\nDate: Tue, 1 Dec 2026 09:14:02 +0100\nSubject: {subject}\n\n"
        doc = to_document(pasted + note + copied, "<stdin>")
        assert "planned for 16 January" in doc.text and "Original Message" not in doc.text and "Sent:" not in doc.text
        assert ("new racks arrived" in doc.text) is kept, subject
        # A forward's title is the forwarded subject; a reply keeps its "RE:", which says what it is.
        assert (doc.title, doc.author) == (("move", "Tom Hale") if kept else ("RE: move", "Maria Lopez")), subject


MAILING_PLAIN = """View this email in your browser ( https://weekly.example/48 )

The three-week ferry strike ended on Thursday after the operator agreed to a 6 per cent pay rise for 240
crew members ( https://weekly.example/ferry ). Crossings to the islands resume on Saturday.

The new fish market on Pier 4 opened on Monday with 32 stalls. The council spent 4.1 million pounds on it.

The port authority now publishes its tide gauge readings every ten minutes [https://weekly.example/tides].

Enjoying Harbour Weekly? Forward it to a friend ( https://weekly.example/share ) or support us on Patreon.

Unsubscribe ( https://weekly.example/unsub ) | Update your preferences ( https://weekly.example/prefs )
You are receiving this email because you opted in via our website.
"""


def test_a_mailings_calls_to_action_are_left_out_and_no_link_address_is_text(tmp_path: Path) -> None:
    # A newsletter by mail says so in its headers (List-Unsubscribe): its asks and footer are no news, as a
    # newsletter's are not (a letter's requests are). Its HTML part is what its sender wrote.
    # Its HTML part: the same paragraphs, the addresses in links.
    linked = re.sub(r" [(\[] ?https://[^ )\]]+ ?[)\]]", "", MAILING_PLAIN).replace(
        "tide gauge readings", '<a href="https://weekly.example/tides">tide gauge readings</a>'
    )
    html = "".join(f"<p>{para}</p>" for para in linked.split("\n\n"))
    for with_html in (False, True):
        message = _message(MAILING_PLAIN, html if with_html else None)
        message.replace_header("Subject", "Harbour Weekly #48")
        message["List-Unsubscribe"] = "<https://weekly.example/unsub>"
        path = tmp_path / "mailing.eml"
        path.write_bytes(message.as_bytes())
        result = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", str(path)])
        assert result.exit_code == 0, result.output
        out = json.loads(result.stdout)
        said = " ".join([out["summary"], *out["key_points"]])
        assert "ferry strike ended" in said and "tide gauge readings every ten minutes." in said
        for gone in ("http", "Forward it", "Patreon", "browser", "preferences", "receiving this email"):
            assert gone not in said, (with_html, gone)
    # A letter's link addresses go too: its words stay.
    letter = _message("Please read the report ( https://example.org/r.pdf ) before the meeting on Friday.\n")
    (tmp_path / "letter.eml").write_bytes(letter.as_bytes())
    assert "Please read the report before the meeting on Friday." in read_path(tmp_path / "letter.eml").text


def test_an_html_forward_is_cut_at_its_copied_message_as_a_plain_one_is(tmp_path: Path) -> None:
    # Gmail's HTML forward: the page reader writes its "Forwarded message" line and each header line as a
    # paragraph, and the date line ("Tue, Dec 1, 2026 at 9:14 PM") had opened the summary.
    paragraphs = "".join(f"<p>{para}</p>" for para in BODY.split("\n\n")[1:3])
    html = (
        '<div dir="ltr">FYI, worth a read.<br><br><div class="gmail_quote"><div class="gmail_attr">'
        "---------- Forwarded message ---------<br>From: <strong>Maria Lopez</strong> "
        '&lt;<a href="mailto:maria.lopez@example.org">maria.lopez@example.org</a>&gt;<br>'
        "Date: Tue, Dec 1, 2026 at 9:14 PM<br>Subject: Data centre move postponed to January<br>"
        f"To: &lt;ops@example.org&gt;<br></div><br><div>{paragraphs}</div></div></div>"
    )
    forward = _forward("Fwd: Data centre move postponed to January", "")
    forward.set_content(html, subtype="html")
    (tmp_path / "html.eml").write_bytes(forward.as_bytes())
    doc = read_path(tmp_path / "html.eml")
    assert (doc.title, doc.author, doc.published) == (
        "Data centre move postponed to January",
        "Maria Lopez",
        "2026-12-01T21:14:00Z",  # 9:14 PM, no zone: read as UTC
    )
    assert "is postponed" in doc.text
    for gone in ("Forwarded message", "From:", "Date:", "9:14", "ops@example.org"):
        assert gone not in doc.text, gone


def test_a_forwarded_message_pasted_alone_is_read_as_the_message() -> None:
    # Copied from under Gmail's line without the forward's own headers: its header block had opened the summary.
    pasted = (
        "---------- Forwarded message ---------\nFrom: Maria Lopez <maria.lopez@example.org>\n"
        "Date: Tue, Dec 1, 2026 at 9:14 AM\nSubject: Data centre move postponed to January\nTo: <ops@example.org>\n\n"
        + BODY
    )
    assert text_kind(pasted) == "email"
    doc = to_document(pasted, "<stdin>")
    assert (doc.title, doc.author, doc.published) == (
        "Data centre move postponed to January",
        "Maria Lopez",
        "2026-12-01T09:14:00Z",
    )
    assert "is postponed" in doc.text and "Forwarded" not in doc.text and "From:" not in doc.text
