-- A POST without a body (Content-Length: 0) to the URL's path, the same request every time: counting a view.
wrk.method = "POST"
wrk.body = ""
