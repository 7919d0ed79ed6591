-- Multipart uploads of one JPEG made distinct per request: wrk ... -- JPEG PATHS_FILE RUN
-- Each request rewrites six entries of the JPEG's quantisation tables (the first three AC coefficients of every
-- 8-bit table) with values from a counter unique to the run, the thread and the request. The result is still a valid
-- JPEG of the same size and dimensions, but its bytes and its decoded pixels differ from every other request's, so
-- neither the original nor its thumbnails can be deduplicated. Requests cycle through the upload paths in the file
-- (one product's images route a line). An `Authorization` header given to wrk with -H is sent with every request.
local boundary = "dualdb-bench-7f3c9a"
local head = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"bench.jpg\"\r\n"
   .. "Content-Type: image/jpeg\r\n\r\n"
local foot = "\r\n--" .. boundary .. "--\r\n"
local headers = { ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }
local pieces, tail, paths, run = {}, nil, {}, 0
local sent = 0
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("thread_number", threads)
end

-- Byte positions (1-based) of the entries to rewrite: in each DQT segment, each 8-bit table's entries 1 to 3 (in
-- zig-zag order, the lowest-frequency AC coefficients, so the change shows in the pixels).
local function quantisation_entries(jpeg)
   local positions = {}
   local at = 3
   while at + 3 <= #jpeg do
      assert(jpeg:byte(at) == 0xFF, "not a JPEG segment at byte " .. at)
      local marker = jpeg:byte(at + 1)
      local length = jpeg:byte(at + 2) * 256 + jpeg:byte(at + 3)
      if marker == 0xDA then
         break
      end
      if marker == 0xDB then
         local table_at, stop = at + 4, at + 2 + length
         while table_at < stop do
            local precision = math.floor(jpeg:byte(table_at) / 16)
            if precision == 0 then
               for k = 1, 3 do
                  positions[#positions + 1] = table_at + 1 + k
               end
            end
            table_at = table_at + 1 + ((precision == 0) and 64 or 128)
         end
      end
      at = at + 2 + length
   end
   assert(#positions >= 3, "no 8-bit quantisation table found")
   return positions
end

function init(args)
   -- wrk.format with headers of its own leaves out wrk.headers: carry the token given with -H (uploads need one).
   headers["Authorization"] = wrk.headers["Authorization"]
   local file = assert(io.open(args[1], "rb"))
   local jpeg = file:read("*a")
   file:close()
   for line in io.lines(args[2]) do
      paths[#paths + 1] = line
   end
   run = tonumber(args[3])
   local previous = 1
   for i, position in ipairs(quantisation_entries(jpeg)) do
      pieces[i] = jpeg:sub(previous, position - 1)
      previous = position + 1
   end
   tail = jpeg:sub(previous)
end

function request()
   sent = sent + 1
   -- Unique while a thread sends fewer than 10^7 requests in a run, for up to 100 threads and runs.
   local counter = (run * 100 + thread_number) * 10000000 + sent
   local parts = { head }
   for i = 1, #pieces do
      parts[#parts + 1] = pieces[i]
      parts[#parts + 1] = string.char(1 + counter % 64)
      counter = math.floor(counter / 64)
   end
   parts[#parts + 1] = tail
   parts[#parts + 1] = foot
   return wrk.format("POST", paths[sent % #paths + 1], headers, table.concat(parts))
end
