-- POST /skills with a name no other request uses.
dofile("bench/lua/common.lua")
local counter = 0
local run = tostring(os.time())
function init(args) seed_random() end
function request()
    counter = counter + 1
    local body = string.format('{"name": "bench %s-%d-%d", "category": "Bench"}', run, thread_id or 0, counter)
    return wrk.format("POST", "/skills", with_token({["Content-Type"] = "application/json"}), body)
end
