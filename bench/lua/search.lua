-- GET /skills?q=<piece of a technology name>&limit=20: each term matches about 1 in 20 skills.
dofile("bench/lua/common.lua")
local terms = {"otli", "ava", "ust", "ytho", "lixi", "aske", "cal", "loju", "wif", "ypeS", "ostg", "edi", "afk", "ocke",
               "ubern", "erra", "eac", "ngul", "velt"}
function init(args) seed_random() end
function request()
    return wrk.format("GET", "/skills?limit=20&q=" .. terms[math.random(1, #terms)])
end
