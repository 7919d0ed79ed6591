-- GET requests cycling through the paths listed in a file, one a line: wrk ... -- PATHS_FILE
-- Every request is formatted once, in init, so the client spends nothing per request on building it.
local requests = {}
local next = 0

function init(args)
   for line in io.lines(args[1]) do
      requests[#requests + 1] = wrk.format("GET", line)
   end
   assert(#requests > 0, "no paths in " .. args[1])
end

function request()
   next = next % #requests + 1
   return requests[next]
end
