// The submission, staff and rating API's errors and their bilingual messages. Residents see these through the
// app, so the Japanese text says what to do. Text from the request is echoed only through printable();
// `detail` arguments are the server's own words (envelope checks, JSON checks) and appear as they are.
#include "api_error.hpp"

namespace madoguchi::endpoint::errors {

Response unsupported_media_type(std::string_view got, std::string_view expected) {
    const std::string g = got.empty() ? "(none)" : printable(got);
    const std::string e(expected);
    return make_error(http::status::unsupported_media_type, "unsupported_media_type",
                      {"The Content-Type " + g + " is not accepted here. Send the body as " + e + ".",
                       "Content-Type " + g + " はここでは受け付けません。本文を " + e + " として送ってください。"});
}

Response bad_status_token(bool missing) {
    const std::string what = missing ? "is missing" : "is not 43 base64url characters (32 random bytes)";
    const std::string ja = missing ? "がありません" : "が 43 文字の base64url（32 バイトの乱数）ではありません";
    return make_error(http::status::bad_request, "bad_status_token",
                      {"The Madoguchi-Status-Token header " + what +
                           ". The app makes one per submission and keeps it to look up the status; send it unchanged.",
                       "Madoguchi-Status-Token ヘッダー" + ja +
                           "。アプリが申請ごとに作って保存しているものを、そのまま送ってください。"});
}

Response bad_receipt(std::string_view text, const ReceiptProblem& problem) {
    const std::string shown = printable(text);
    std::string en;
    std::string ja;
    switch (problem.kind) {
        case ReceiptProblem::wrong_length:
            en = "does not have 12 characters";
            ja = "が 12 文字ではありません";
            break;
        case ReceiptProblem::bad_character:
            en = "contains " + printable(std::string_view(&problem.character, 1)) +
                 ", which is not used in receipt numbers (0-9 and A-Z without U)";
            ja = "に受付番号で使わない文字 " + printable(std::string_view(&problem.character, 1)) +
                 " が含まれています（使うのは 0～9 と U 以外の A～Z）";
            break;
        case ReceiptProblem::wrong_check_digit:
            en = "has a wrong check digit, so a character was probably mistyped";
            ja = "の確認用の文字が合いません。どこかの文字を打ち間違えている可能性があります";
            break;
    }
    return make_error(http::status::bad_request, "bad_receipt",
                      {"The receipt number " + shown + " " + en +
                           ". Check it against the receipt, which looks like ABCD-EFGH-JKMN.",
                       "受付番号 " + shown + " " + ja + "。ABCD-EFGH-JKMN の形の受付番号を見直してください。"});
}

Response malformed_envelope(std::string_view detail) {
    const std::string d(detail);
    return make_error(http::status::bad_request, "malformed_envelope",
                      {"The upload is not a valid sealed application (" + d +
                           "). Send it again from the app; if this repeats, update the app.",
                       "送信されたデータが正しい暗号化申請の形式ではありません（" + d +
                           "）。アプリからもう一度送信し、繰り返す場合はアプリを更新してください。"});
}

Response truncated_envelope(std::string_view detail) {
    const std::string d(detail);
    return make_error(http::status::bad_request, "truncated_envelope",
                      {"The upload is incomplete: it was cut off on the way (" + d +
                           "). Check the connection and send it again from the app.",
                       "送信されたデータが途中で切れています（" + d +
                           "）。通信状態を確認して、アプリからもう一度送信してください。"});
}

Response unknown_key(std::string_view key_id) {
    const std::string k = printable(key_id);
    return make_error(http::status::unprocessable_entity, "unknown_key",
                      {"The application was sealed to key " + k +
                           ", which this ward no longer accepts. Update the app (it fetches the current keys from "
                           "/api/v1/keys) and send again; the draft is kept.",
                       "申請はこの区で受け付けていない鍵 " + k +
                           " で暗号化されています。アプリを更新して（現在の鍵は /api/v1/keys から取得します）"
                           "もう一度送信してください。下書きは残っています。"});
}

Response submission_id_conflict(std::string_view submission_id) {
    const std::string id = printable(submission_id);
    return make_error(http::status::conflict, "submission_id_conflict",
                      {"A different application with submission id " + id +
                           " was already received. A retry must send the same bytes; a new application needs a new "
                           "submission id.",
                       "申請 ID " + id +
                           " で別の内容の申請をすでに受け付けています。再送では同じデータを、新しい申請では新しい申請 "
                           "ID を使ってください。"});
}

Response no_submission() {
    return make_error(http::status::not_found, "no_submission",
                      {"No application matches this receipt number and status token. Check the receipt number; "
                       "the status can only be seen from the device that sent the application.",
                       "この受付番号と確認用トークンに一致する申請はありません。受付番号を確認してください。"
                       "状況は申請を送信した端末からのみ確認できます。"});
}

Response staff_unauthorized(bool missing) {
    const std::string en = missing ? "This staff API needs an Authorization: Bearer header with a staff token."
                                   : "The staff token is not valid (revoked, replaced or mistyped).";
    const std::string ja = missing ? "この職員用 API には職員トークンを付けた Authorization: Bearer ヘッダーが必要です。"
                                   : "職員トークンが正しくありません（無効化・再発行済み、または入力誤り）。";
    Response res = make_error(
        http::status::unauthorized, "staff_unauthorized",
        {en + " Ask the endpoint's operator for a token (madoguchi-endpoint add-staff-token NAME).",
         ja + "エンドポイントの運用担当者にトークンの発行（madoguchi-endpoint add-staff-token 名前）を依頼してください。"});
    res.set(http::field::www_authenticate, "Bearer realm=\"madoguchi-staff\"");
    return res;
}

Response bad_json(std::string_view detail) {
    const std::string d(detail);
    return make_error(http::status::bad_request, "bad_json",
                      {"The JSON body is not what this route expects: " + d + ". Check it against openapi.yaml.",
                       "JSON の本文がこの API の形式と合いません: " + d + "。openapi.yaml と照らし合わせてください。"});
}

Response bad_status(std::string_view status) {
    const std::string s = printable(status);
    return make_error(http::status::bad_request, "bad_status",
                      {"The status " + s +
                           " is not one of received, reviewing, correction_requested, completed, rejected (or new and "
                           "all for listing). Use one of those names.",
                       "状況 " + s +
                           " は received, reviewing, correction_requested, completed, rejected（一覧では new と all "
                           "も可）のいずれでもありません。これらの名前を使ってください。"});
}

Response bad_message(std::string_view detail) {
    const std::string d(detail);
    return make_error(http::status::bad_request, "bad_message",
                      {"The message is not a sealed box for the resident (" + d +
                           "). Seal it with crypto_box_seal to the submission's reply key and send standard base64.",
                       "メッセージが住民あての封をした暗号文になっていません（" + d +
                           "）。申請の返信用鍵に crypto_box_seal で封をし、標準の base64 で送ってください。"});
}

Response bad_rating(std::string_view detail) {
    const std::string d(detail);
    return make_error(http::status::bad_request, "bad_rating",
                      {"The rating is not what this route expects: " + d +
                           ". Send {\"procedure\": a catalog procedure id, \"score\": a whole number from 1 to 5}.",
                       "評価の形式が正しくありません: " + d +
                           "。{\"procedure\": 手続きの ID, \"score\": 1～5 の整数} の形で送ってください。"});
}

Response bad_month(std::string_view month) {
    const std::string m = printable(month);
    return make_error(http::status::bad_request, "bad_month",
                      {"The month " + m + " is not a month in the form YYYY-MM (e.g. 2026-12). Use that form, or "
                       "leave month out for every month.",
                       "月 " + m + " が YYYY-MM（例: 2026-12）の形ではありません。その形で指定するか、すべての月を"
                       "見るには month を省いてください。"});
}

}  // namespace madoguchi::endpoint::errors
