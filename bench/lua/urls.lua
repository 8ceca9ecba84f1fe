-- GET a random URL of those listed, one per line, in the file URLS names.
dofile("bench/lua/common.lua")
local urls = {}
function init(args)
    seed_random()
    for line in io.lines(os.getenv("URLS")) do urls[#urls + 1] = line end
end
function request()
    return wrk.format("GET", urls[math.random(1, #urls)])
end
